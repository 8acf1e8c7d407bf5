package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The expected result of each smaller catalog scenario, read from its summary.json. */
class CatalogScenariosTest {
  @TempDir Path tmp;

  private JsonNode variants(String scenario) throws IOException {
    return ScenarioRuns.variants(ScenarioRuns.run(scenario, tmp.resolve(scenario)));
  }

  @Test
  void proxyExpiryEvictionKeepsControlOnlyWithItsMargin() throws IOException {
    JsonNode v = variants("proxy-expiry");
    JsonNode margin = v.path("1. PROXY_EXPIRING_EVICTION_TIME=60s");
    JsonNode late = v.path("2. PROXY_EXPIRING_EVICTION_TIME=0");
    assertEquals(4, margin.path("holds_by_code").path("4").asInt(), margin.toString());
    assertEquals(4, margin.path("glexec_calls").path("kill").path("0").asInt(), "killed through glexec");
    assertEquals(4, margin.path("glexec_calls").path("cleanup").path("0").asInt(), "cleaned up");
    assertEquals(4, late.path("glexec_calls").path("kill").path("proxy-not-valid").asInt(), late.toString());
    assertEquals(4, late.path("glexec_calls").path("cleanup").path("proxy-not-valid").asInt(), late.toString());
  }

  @Test
  void egiCredentialsBugDeniesEverySetupAndTheFixRunsEveryJob() throws IOException {
    JsonNode v = variants("egi-credentials");
    JsonNode bug = v.path("1. old X509_USER_PROXY bug");
    JsonNode fixed = v.path("2. fixed");
    assertEquals(4, bug.path("holds_by_code").path("28").asInt(), bug.toString());
    assertEquals(0, bug.path("glexec_calls").path("setup").path("0").asInt(), "no setup got through");
    assertEquals(4, fixed.path("jobs").path("by_status").path("completed").asInt(), fixed.toString());
  }

  @Test
  void lingerHangLeavesJobsRunningForeverAndTheFixCompletesThem() throws IOException {
    JsonNode v = variants("linger-hang");
    JsonNode old = v.path("1. old pipe hang");
    JsonNode fixed = v.path("2. fixed");
    assertEquals(4, old.path("jobs").path("by_status").path("running").asInt(), old.toString());
    assertTrue(old.path("glexec_calls").path("launch").isMissingNode(), "no launch ever returned");
    assertEquals(4, fixed.path("jobs").path("by_status").path("completed").asInt(), fixed.toString());
  }

  @Test
  void identityChangeLosesControlUnderHtcondorAndIsRefusedUnderOurs() throws IOException {
    JsonNode v = variants("identity-change");
    JsonNode accepted = v.path("1. HTCondor: accepted").path("starter_events");
    JsonNode refused = v.path("2. ours: refused").path("starter_events");
    assertEquals(1, accepted.path("proxy-refreshed").asInt(), accepted.toString());
    assertEquals(1, accepted.path("control-lost").asInt(), "the job could not be killed as its owner");
    assertEquals(1, refused.path("identity-change-refused").asInt(), refused.toString());
    assertTrue(refused.path("control-lost").isMissingNode(), "no job loses control: " + refused);
  }

  @Test
  void glexecValidationOnABrokenSiteRunsOnlyNeverPilots() throws IOException {
    JsonNode v = variants("glexec-validation");
    JsonNode never = v.path("1. NEVER");
    assertEquals(4, never.path("jobs").path("by_status").path("completed").asInt(), never.toString());
    assertTrue(never.path("glexec_calls").isEmpty(), "no glexec call at all: " + never);
    for (String use : new String[] {"2. OPTIONAL", "3. REQUIRED"}) {
      JsonNode failed = v.path(use);
      assertEquals(4, failed.path("jobs").path("by_status").path("idle").asInt(), failed.toString());
      assertTrue(failed.path("glexec_calls").path("validate").path("202").asInt() > 4,
          use + ": pilots keep coming and failing validation: " + failed);
    }
  }
}
