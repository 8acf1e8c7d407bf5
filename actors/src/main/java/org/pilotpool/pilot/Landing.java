package org.pilotpool.pilot;

import java.time.Duration;
import java.util.Objects;

/**
 * Where and when a submitted glidein starts: after {@code queueTime} in the site's batch queue, on
 * {@code node}.
 */
public record Landing(Duration queueTime, WorkerNode node) {
  public Landing {
    Objects.requireNonNull(queueTime, "queueTime");
    Objects.requireNonNull(node, "node");
    if (queueTime.isNegative()) {
      throw new IllegalArgumentException("negative queue time " + queueTime);
    }
  }
}
