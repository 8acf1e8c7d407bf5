package org.pilotpool.pool;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pilotpool.collector.Collector;
import org.pilotpool.factory.DemandReport;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.classad.Value;
import org.pilotpool.model.glidein.SiteDemand;
import org.pilotpool.model.negotiation.Autocluster;
import org.pilotpool.schedd.IdleJobs;

/**
 * The frontend's count of the work waiting per glidein site, from the schedd's idle jobs and the
 * collector's slots.
 *
 * <p>A job counts at the sites whose slots it could run on: its ad is matched against a slot ad
 * standing for the site (an unclaimed, idle slot of the site's memory, with the startd's
 * {@code START}); a job k sites could run counts 1/k at each. Jobs are matched an autocluster at
 * a time, and a site the job excludes does not count. Kept simple: only glidein sites are
 * considered (a job that static slots could also run still counts in full at its glidein sites),
 * and the stand-in slot ignores the {@code GLIDEIN_Entry_Start} a glidein's setup may add.
 * Unclaimed slots are the collector's slots of the site in state {@code Unclaimed}.
 */
final class DemandCount {
  private DemandCount() {}

  /** The slot ad standing for a glidein site in the matching. */
  static ClassAd siteAd(String site, long memoryMb, Expr start) {
    return new ClassAd()
        .set("Name", "slot1@glidein@" + site)
        .set("Machine", "glidein@" + site)
        .set("State", "Unclaimed")
        .set("Activity", "Idle")
        .set("Cpus", 1)
        .set("Memory", memoryMb)
        .set("GLIDEIN_Site", site)
        .insert("START", start);
  }

  /**
   * @param siteAds per glidein site its stand-in slot ad, in site order
   */
  static DemandReport count(Map<String, ClassAd> siteAds, IdleJobs idle,
      List<Collector.SlotEntry> slots) {
    Map<String, Double> jobs = new TreeMap<>();
    Map<String, Integer> unclaimed = new TreeMap<>();
    siteAds.keySet().forEach(site -> {
      jobs.put(site, 0.0);
      unclaimed.put(site, 0);
    });
    List<String> sites = new ArrayList<>();
    // One match per autocluster and site: its jobs are alike in all the matching reads.
    for (List<Autocluster> queue : idle.bySubmitter().values()) {
      for (Autocluster cluster : queue) {
        sites.clear();
        siteAds.forEach((site, ad) -> {
          if (!cluster.excludedSites().contains(site) && ClassAd.matches(cluster.representative(), ad)) {
            sites.add(site);
          }
        });
        for (String site : sites) {
          jobs.merge(site, (double) cluster.count() / sites.size(), Double::sum);
        }
      }
    }
    for (Collector.SlotEntry slot : slots) {
      Value site = slot.ad().evaluate("GLIDEIN_Site");
      Value state = slot.ad().evaluate("State");
      if (site.isString() && unclaimed.containsKey(site.asString()) && state.isString()
          && state.asString().equals("Unclaimed")) {
        unclaimed.merge(site.asString(), 1, Integer::sum);
      }
    }
    Map<String, SiteDemand> out = new TreeMap<>();
    jobs.forEach((site, n) -> out.put(site, new SiteDemand(n, unclaimed.get(site))));
    return new DemandReport(out);
  }
}
