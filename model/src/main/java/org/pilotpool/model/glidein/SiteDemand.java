package org.pilotpool.model.glidein;

/**
 * The work waiting for one site, as the frontend sees it in the schedds and the collector.
 *
 * @param idleJobs idle jobs whose requirements the site's slots satisfy. A job several sites can
 *     run counts 1/k at each of its k sites, as glideinWMS's frontend splits such jobs
 *     proportionally, so that the sites' glideins together cover it once
 * @param unclaimedSlots slots of this site's running glideins that are not claimed: they take idle
 *     jobs at the next negotiation without a new glidein
 */
public record SiteDemand(double idleJobs, int unclaimedSlots) {
  public SiteDemand {
    if (!(idleJobs >= 0) || Double.isInfinite(idleJobs)) {
      throw new IllegalArgumentException("idle jobs must be finite and >= 0, got " + idleJobs);
    }
    if (unclaimedSlots < 0) {
      throw new IllegalArgumentException("unclaimed slots must be >= 0, got " + unclaimedSlots);
    }
  }

  /** No work waiting. */
  public static final SiteDemand NONE = new SiteDemand(0, 0);
}
