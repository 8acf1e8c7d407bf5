package org.pilotpool.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.authz.BanTarget;
import org.pilotpool.cli.Defaults;
import org.pilotpool.glexec.sim.CredentialSemantics;
import org.pilotpool.model.config.ConfigFiles;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.pool.PoolAction;
import org.pilotpool.pool.PoolSpec;
import org.pilotpool.pool.SiteSpec;

class PoolScenarioTest {
  private static final String BASE = """
      pilotpool {
        scenario.model = pool
        simulation.duration = 1h
        sites.siteA { nodes = 2, slots-per-node = 4, memory-per-slot = 4096
                      authz { workers = 40 }, glexec { credential-semantics = egi } }
        users.alice { dn = "/CN=alice", fqans = ["/cms/Role=NULL/Capability=NULL"] }
      }
      """;

  private static PoolSpec read(String more) {
    return PoolScenario.read(new ScenarioSettings(
        ConfigFiles.parse(BASE + more, "s.conf", Defaults.config()), "s.conf"));
  }

  private static String error(String more) {
    return assertThrows(BadInputException.class, () -> read(more)).oneLine();
  }

  @Test
  void sitesTakeTheirSlotsAuthzAndGlexecFromTheScenario() {
    SiteSpec site = read("").sites().get(0);
    assertEquals("siteA", site.name());
    assertEquals(8, site.nodes() * site.slotsPerNode());
    assertEquals(4096, site.memoryPerSlotMb());
    assertEquals(40, site.authz().workers());
    assertEquals(500, site.authz().queueCapacity(), "the template's default");
    assertEquals(CredentialSemantics.EGI, site.glexec().semantics());
  }

  @Test
  void workloadBecomesSubmissionsAtTheirTimesWithTheUsersProxy() {
    PoolSpec spec = read("pilotpool.workload = [{ user = alice, count = 3, at = 10m }]");
    assertEquals(Duration.ofMinutes(10), spec.actions().get(0).at());
    PoolAction.Submit submit = (PoolAction.Submit) spec.actions().get(0).action();
    assertEquals(3, submit.submission().count());
    assertEquals("/CN=alice", submit.submission().proxy().orElseThrow().identity());
  }

  @Test
  void aBanOfAUserBansTheirDnAtTheSite() {
    PoolSpec spec = read("pilotpool.timeline = [{ action = ban, user = alice, site = siteA }]");
    assertEquals(new PoolAction.Ban("siteA", BanTarget.dn("/CN=alice")),
        spec.actions().get(0).action());
  }

  @Test
  void aJobAskingForMoreMemoryThanAnySlotHasIsRejected() {
    assertEquals("s.conf:8: pilotpool.workload[0].memory: no slot has 8192 MB; the largest has"
        + " 4096 MB", error("pilotpool.workload = [{ user = alice, memory = 8192 }]"));
  }

  @Test
  void aJobWhoseRequirementsDoNotParseIsRejectedAtItsLine() {
    assertEquals("s.conf:8: pilotpool.workload[0].requirements: not a ClassAd expression:"
        + " column 4: expected an expression after '('",
        error("pilotpool.workload = [{ user = alice, requirements = \"(((\" }]"));
  }

  @Test
  void aTimelineEntryNamingAnUnknownUserIsRejected() {
    assertTrue(error("pilotpool.timeline = [{ action = rm, user = carol }]").startsWith(
        "s.conf:8: pilotpool.timeline[0].user: unknown name \"carol\"; known: alice"));
  }

  @Test
  void aTimelineEntryNamingAnUnknownSiteIsRejected() {
    assertTrue(error("pilotpool.timeline = [{ action = ban, vo = cms, site = siteB }]").startsWith(
        "s.conf:8: pilotpool.timeline[0].site: unknown name \"siteB\""));
  }

  @Test
  void anEventAfterTheSimulationsEndIsRejected() {
    assertEquals("s.conf:8: pilotpool.timeline[0].at: after the simulation's end "
        + "(pilotpool.simulation.duration = 1h)",
        error("pilotpool.timeline = [{ at = 2h, action = hold, user = alice }]"));
  }

  @Test
  void aBanNamingTwoTargetsIsRejected() {
    assertTrue(error("pilotpool.timeline = [{ action = ban, vo = cms, dn = x, site = siteA }]")
        .contains("needs exactly one of user, dn, fqan or vo"));
  }

  @Test
  void aTypoInsideAWorkloadElementIsRejectedWithTheValidKeys() {
    assertEquals("s.conf:8: pilotpool.workload[0].runtime: unknown key; valid keys here: at, count,"
        + " memory, processes, requirements, run-time, user",
        error("pilotpool.workload = [{ user = alice, runtime = 1h }]"));
  }
}
