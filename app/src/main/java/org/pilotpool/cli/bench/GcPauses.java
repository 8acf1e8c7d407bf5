package org.pilotpool.cli.bench;

import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;

/**
 * The collectors' time since a mark, as the JVM accounts it: with it a benchmark line tells how
 * much of its wall time went to collecting garbage, the first thing to look at when two runs of
 * the same build differ.
 */
final class GcPauses {
  private final long countAtMark;
  private final long millisAtMark;

  private GcPauses() {
    this.countAtMark = count();
    this.millisAtMark = millis();
  }

  /** Starts counting from now. */
  static GcPauses mark() {
    return new GcPauses();
  }

  long collections() {
    return count() - countAtMark;
  }

  double seconds() {
    return (millis() - millisAtMark) / 1000.0;
  }

  private static long count() {
    long n = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      n += Math.max(0, gc.getCollectionCount());
    }
    return n;
  }

  private static long millis() {
    long ms = 0;
    for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
      ms += Math.max(0, gc.getCollectionTime());
    }
    return ms;
  }
}
