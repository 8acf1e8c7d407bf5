package org.pilotpool.pool;

import java.util.Objects;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.glexec.sim.SimGlexecConfig;

/**
 * One site of the pool: its authorization service, its worker nodes' glexec, and its static
 * slots.
 *
 * @param name the site's {@code GLIDEIN_Site}
 * @param nodes worker nodes, named {@code wn<i>.<site>}
 * @param slotsPerNode static slots per node, one cpu each
 * @param memoryPerSlotMb {@code Memory} of each slot
 */
public record SiteSpec(String name, int nodes, int slotsPerNode, long memoryPerSlotMb,
    SiteAuthzConfig authz, SimGlexecConfig glexec) {
  public SiteSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(authz, "authz");
    Objects.requireNonNull(glexec, "glexec");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a site needs a name");
    }
    if (nodes < 0 || slotsPerNode < 0) {
      throw new IllegalArgumentException("negative node or slot count at " + name);
    }
  }

  /** {@code nodes} nodes of {@code slotsPerNode} 2 GB slots, default authz service and glexec. */
  public static SiteSpec of(String name, int nodes, int slotsPerNode) {
    return new SiteSpec(name, nodes, slotsPerNode, 2048, SiteAuthzConfig.defaults(),
        SimGlexecConfig.defaults());
  }

  public SiteSpec withAuthz(SiteAuthzConfig config) {
    return new SiteSpec(name, nodes, slotsPerNode, memoryPerSlotMb, config, glexec);
  }
}
