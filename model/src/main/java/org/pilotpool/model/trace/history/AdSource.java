package org.pilotpool.model.trace.history;

import java.util.Iterator;

/** Job ads read one at a time from some history format. */
interface AdSource extends Iterator<JobAd>, AutoCloseable {
  @Override
  void close();
}
