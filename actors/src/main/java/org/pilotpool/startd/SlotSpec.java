package org.pilotpool.startd;

import java.util.Objects;

/**
 * One slot of a worker node.
 *
 * @param name the slot's stable {@code Name} (e.g. {@code slot1@wn3.site-a})
 * @param site its {@code GLIDEIN_Site}
 * @param node the worker node ({@code Machine})
 * @param cpus {@code Cpus}
 * @param memoryMb {@code Memory}
 * @param executeHost the startd's sinful string, written in 001 events
 */
public record SlotSpec(String name, String site, String node, int cpus, long memoryMb,
    String executeHost) {
  public SlotSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(node, "node");
    Objects.requireNonNull(executeHost, "executeHost");
    if (cpus < 1) {
      throw new IllegalArgumentException("a slot has at least one cpu: " + cpus);
    }
    if (memoryMb < 0) {
      throw new IllegalArgumentException("negative memory: " + memoryMb);
    }
  }
}
