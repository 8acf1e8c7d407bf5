package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.pilotpool.collector.Collector;
import org.pilotpool.factory.DemandReport;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glidein.SiteDemand;
import org.pilotpool.model.negotiation.Autocluster;
import org.pilotpool.schedd.IdleJobs;

class DemandCountTest {
  private static final Expr START = Expr.parse("START", "true");

  private static Map<String, ClassAd> sites(String... names) {
    Map<String, ClassAd> ads = new TreeMap<>();
    for (String name : names) {
      ads.put(name, DemandCount.siteAd(name, 2048, START));
    }
    return ads;
  }

  /** One autocluster of one job per requirements expression. */
  private static IdleJobs idle(String... requirements) {
    List<Autocluster> clusters = new ArrayList<>();
    for (int i = 0; i < requirements.length; i++) {
      clusters.add(new Autocluster(
          new ClassAd().set("Owner", "alice").insert("Requirements", requirements[i]),
          List.of(), 1, List.of(JobId.of(1, i))));
    }
    return new IdleJobs(new TreeMap<>(Map.of("alice", clusters)), 100);
  }

  private static Collector.SlotEntry slot(String site, String state) {
    return new Collector.SlotEntry("slot1@" + site + state, new ClassAd().set("Name", "slot1@" + site + state)
        .set("GLIDEIN_Site", site).set("State", state), Optional.empty());
  }

  @Test
  void aJobOnlyOneSiteCanRunCountsWholeThere() {
    DemandReport report = DemandCount.count(sites("siteA", "siteB"),
        idle("TARGET.GLIDEIN_Site == \"siteA\""), List.of());
    assertEquals(new SiteDemand(1, 0), report.of("siteA"));
    assertEquals(SiteDemand.NONE, report.of("siteB"));
  }

  @Test
  void aJobSeveralSitesCanRunIsSplitBetweenThem() {
    DemandReport report = DemandCount.count(sites("siteA", "siteB"), idle("true", "true"),
        List.of());
    assertEquals(1.0, report.of("siteA").idleJobs());
    assertEquals(1.0, report.of("siteB").idleJobs());
  }

  @Test
  void aJobNeedingMoreMemoryThanTheSitesSlotsCountsNowhere() {
    DemandReport report = DemandCount.count(sites("siteA"), idle("TARGET.Memory >= 4096"),
        List.of());
    assertEquals(0.0, report.of("siteA").idleJobs());
  }

  @Test
  void onlyUnclaimedSlotsOfGlideinSitesAreCounted() {
    DemandReport report = DemandCount.count(sites("siteA"), idle(), List.of(
        slot("siteA", "Unclaimed"), slot("siteA", "Claimed"), slot("static", "Unclaimed")));
    assertEquals(1, report.of("siteA").unclaimedSlots());
    assertEquals(SiteDemand.NONE, report.of("static"));
  }
}
