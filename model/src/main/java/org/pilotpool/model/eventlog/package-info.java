/**
 * The HTCondor job event log ("user log"): events as records, a writer in HTCondor's text format,
 * a reader for both date styles, and the conversion of a log into replayable jobs.
 */
package org.pilotpool.model.eventlog;
