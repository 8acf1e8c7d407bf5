package org.pilotpool.factory;

import java.util.Map;
import java.util.TreeMap;
import org.pilotpool.model.glidein.SiteDemand;

/** The answer to {@link DemandQuery}: per site, the work waiting there; a site left out has none. */
public record DemandReport(Map<String, SiteDemand> bySite) {
  public DemandReport {
    bySite = Map.copyOf(new TreeMap<>(bySite));
  }

  public SiteDemand of(String site) {
    return bySite.getOrDefault(site, SiteDemand.NONE);
  }
}
