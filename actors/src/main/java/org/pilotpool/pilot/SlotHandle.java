package org.pilotpool.pilot;

/** How a glidein steers one of its slots. Called on the glidein's actor thread only. */
public interface SlotHandle {

  /** Take no new claims; the running job, if any, finishes. The slot reports {@link SlotExited} when it is done. */
  void retire();

  /** Go now: the running job, if any, is evicted. */
  void shutdownNow();
}
