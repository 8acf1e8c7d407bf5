/** HTCondor job history: {@code condor_history -l}, the history file, and {@code -json}. */
package org.pilotpool.model.trace.history;
