package org.pilotpool.schedd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.negotiation.Autocluster;

class ScheddAutoclusterTest {
  private final ScheddFixture f = new ScheddFixture(ScheddConfig.defaults());

  private List<Autocluster> clusters(String owner, Set<String> significant, int maxIds) {
    return f.schedd.idleJobs(significant, maxIds).bySubmitter().get(owner);
  }

  @Test
  void jobsAlikeApartFromTheirIdentityFormOneAutoclusterInSubmissionOrder() {
    List<JobId> ids = new ArrayList<>(f.submit("alice", 3));
    ids.addAll(f.submit("alice", 2));
    List<Autocluster> clusters = clusters("alice", Set.of(), Integer.MAX_VALUE);
    assertEquals(1, clusters.size());
    assertEquals(5, clusters.get(0).count());
    assertEquals(ids, clusters.get(0).jobs());
  }

  @Test
  void jobsSubmittedAnHourApartShareAnAutocluster() {
    List<JobId> ids = new ArrayList<>(f.submit("alice", 2));
    f.port.advance(Duration.ofHours(1));
    ids.addAll(f.submit("alice", 2));
    List<Autocluster> clusters = clusters("alice", Set.of(), Integer.MAX_VALUE);
    assertEquals(List.of(ids), clusters.stream().map(Autocluster::jobs).toList());
  }

  @Test
  void anAutoclusterListsNoMoreIdsThanAskedButCountsThemAll() {
    List<JobId> ids = f.submit("alice", 5);
    Autocluster only = clusters("alice", Set.of(), 2).get(0);
    assertEquals(5, only.count());
    assertEquals(ids.subList(0, 2), only.jobs());
  }

  @Test
  void anExcludedSiteMovesTheJobToAnAutoclusterOfItsOwn() {
    List<JobId> ids = f.submit("alice", 3);
    f.schedd.excludeSite(ids.get(1), "SiteB");
    List<Autocluster> clusters = clusters("alice", Set.of(), Integer.MAX_VALUE);
    assertEquals(List.of(List.of(ids.get(0), ids.get(2)), List.of(ids.get(1))),
        clusters.stream().map(Autocluster::jobs).toList());
    assertEquals(List.of("SiteB"), clusters.get(1).excludedSites());
  }

  @Test
  void anIdentityAttributeTheSlotsMentionSplitsEveryJob() {
    f.submit("alice", 3);
    assertEquals(3, clusters("alice", Set.of("procid"), Integer.MAX_VALUE).size());
    assertEquals(1, clusters("alice", Set.of(), Integer.MAX_VALUE).size());
  }

  @Test
  void askingWithoutIdentityAttributesKeepsTheGroupingLastAskedFor() {
    f.submit("alice", 3);
    clusters("alice", Set.of("procid"), Integer.MAX_VALUE);
    assertEquals(3, f.schedd.idleJobs(Integer.MAX_VALUE).bySubmitter().get("alice").size());
  }

  @Test
  void aHeldJobLeavesItsAutoclusterAndComesBackWhenReleased() {
    List<JobId> ids = f.submit("alice", 3);
    f.schedd.hold(new JobSelector.ById(ids.get(0)), "h");
    assertEquals(ids.subList(1, 3), clusters("alice", Set.of(), Integer.MAX_VALUE).get(0).jobs());
    f.schedd.release(new JobSelector.ById(ids.get(0)), "r");
    assertEquals(ids, clusters("alice", Set.of(), Integer.MAX_VALUE).get(0).jobs());
  }

  @Test
  void theRepresentativeCarriesTheCurrentTime() {
    f.submit("alice", 1);
    assertEquals(f.now().getEpochSecond(), clusters("alice", Set.of(), 1).get(0)
        .representative().evaluate("CurrentTime").asLong());
  }
}
