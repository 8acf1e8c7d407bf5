package org.pilotpool.pool;

import java.util.Objects;
import java.util.Optional;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.glexec.sim.SimGlexecConfig;

/**
 * One site of the pool: its authorization service, its worker nodes' glexec, and its slots:
 * static ones, or those glideins bring.
 *
 * @param name the site's {@code GLIDEIN_Site}
 * @param nodes worker nodes, named {@code wn<i>.<site>}
 * @param slotsPerNode static slots per node, one cpu each (unused when glideins bring the slots)
 * @param memoryPerSlotMb {@code Memory} of each slot
 * @param provisioning static slots, or glideins from the factory's entry for this site
 */
public record SiteSpec(String name, int nodes, int slotsPerNode, long memoryPerSlotMb,
    SiteAuthzConfig authz, SimGlexecConfig glexec, Provisioning provisioning) {
  /** A site of static slots. */
  public SiteSpec(String name, int nodes, int slotsPerNode, long memoryPerSlotMb,
      SiteAuthzConfig authz, SimGlexecConfig glexec) {
    this(name, nodes, slotsPerNode, memoryPerSlotMb, authz, glexec, Provisioning.STATIC);
  }

  public SiteSpec {
    Objects.requireNonNull(name, "name");
    Objects.requireNonNull(provisioning, "provisioning");
    Objects.requireNonNull(authz, "authz");
    Objects.requireNonNull(glexec, "glexec");
    if (name.isBlank()) {
      throw new IllegalArgumentException("a site needs a name");
    }
    if (nodes < 0 || slotsPerNode < 0) {
      throw new IllegalArgumentException("negative node or slot count at " + name);
    }
    if (provisioning instanceof Provisioning.Pilots && nodes < 1) {
      throw new IllegalArgumentException("glideins need at least one worker node at " + name);
    }
  }

  /** {@code nodes} nodes of {@code slotsPerNode} 2 GB slots, default authz service and glexec. */
  public static SiteSpec of(String name, int nodes, int slotsPerNode) {
    return new SiteSpec(name, nodes, slotsPerNode, 2048, SiteAuthzConfig.defaults(),
        SimGlexecConfig.defaults());
  }

  /**
   * {@code cores} single-core static slots, up to 8 per worker node, behind an authorization
   * service sized for them (a tenth of the slots as workers, four calls per slot of queue), so
   * that a run measures the pool's scheduling rather than an overloaded site.
   */
  public static SiteSpec sizedFor(String name, int cores) {
    int perNode = Math.min(8, cores);
    int nodes = (cores + perNode - 1) / perNode;
    SiteAuthzConfig authz = SiteAuthzConfig.defaults().toBuilder()
        .workers(Math.max(200, cores / 10)).queueCapacity(Math.max(500, cores * 4)).build();
    return of(name, nodes, perNode).withAuthz(authz);
  }

  public SiteSpec withAuthz(SiteAuthzConfig config) {
    return new SiteSpec(name, nodes, slotsPerNode, memoryPerSlotMb, config, glexec,
        provisioning);
  }

  public SiteSpec withGlexec(SimGlexecConfig config) {
    return new SiteSpec(name, nodes, slotsPerNode, memoryPerSlotMb, authz, config, provisioning);
  }

  /** The same site, its slots brought by glideins instead. */
  public SiteSpec withPilots(Provisioning.Pilots pilots) {
    return new SiteSpec(name, nodes, slotsPerNode, memoryPerSlotMb, authz, glexec, pilots);
  }

  /** The glidein settings when glideins bring the slots. */
  public Optional<Provisioning.Pilots> pilots() {
    return provisioning instanceof Provisioning.Pilots p ? Optional.of(p) : Optional.empty();
  }
}
