/**
 * Workload traces for replay: the common job record ({@link org.pilotpool.model.trace.TraceJob}),
 * the streaming reader contract ({@link org.pilotpool.model.trace.TraceReader}), strict and
 * lenient handling of dirty records with per-reason counts ({@link
 * org.pilotpool.model.trace.TraceDiagnostics}), gzip detection and bounded-window sorting.
 */
package org.pilotpool.model.trace;
