package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's transient-authz-outage scenario, its four variants run through {@code pilotpool run}. */
class TransientAuthzOutageScenarioTest {
  private static final String SCENARIO = "transient-authz-outage";
  private static final String NONE = "1. no retry";
  private static final String HTCONDOR = "2. HTCondor retries";
  private static final String CLASSIFIED = "3. classified backoff";
  private static final String BREAKER = "4. classified backoff with circuit breaker";

  @TempDir static Path tmp;
  private static JsonNode variants;

  private static Path run(String name) {
    return ScenarioRuns.run(SCENARIO, tmp.resolve(name));
  }

  @BeforeAll
  static void runOnce() throws IOException {
    variants = ScenarioRuns.variants(run("a"));
  }

  private static int authzRejections(String variant) {
    return variants.path(variant).path("sites").path("siteA").path("rejections").asInt();
  }

  @Test
  void withoutRetriesOrWithHtcondorsEveryStartInTheOutageIsHeld() {
    assertEquals(20, variants.path(NONE).path("holds_by_code").path("28").asInt(),
        variants.path(NONE).toString());
    assertEquals(20, variants.path(HTCONDOR).path("holds_by_code").path("28").asInt(),
        variants.path(HTCONDOR).toString());
    assertEquals(80, variants.path(HTCONDOR).path("glexec_calls").path("setup").path("203").asInt(),
        "GLEXEC_RETRIES + 1 calls per start");
  }

  @Test
  void classifiedBackoffRidesMostOfTheOutageOut() {
    JsonNode classified = variants.path(CLASSIFIED);
    assertTrue(classified.path("jobs").path("by_status").path("completed").asInt() >= 15,
        classified.toString());
  }

  @Test
  void withTheCircuitBreakerEveryJobRidesTheOutageOut() {
    JsonNode breaker = variants.path(BREAKER);
    assertEquals(20, breaker.path("jobs").path("by_status").path("completed").asInt(),
        breaker.toString());
    assertTrue(breaker.path("holds_by_code").isEmpty(), "no job held: " + breaker);
  }

  @Test
  void theBreakerCutsTheCallsThatReachTheSiteDuringTheOutage() {
    int without = authzRejections(CLASSIFIED);
    int with = authzRejections(BREAKER);
    // Measured: about 100 without and 24 with (per node five first failures and one failed probe).
    assertTrue(with * 3 <= without, "authz requests refused in the outage: " + with
        + " with the breaker, " + without + " without");
    assertEquals(with,
        variants.path(BREAKER).path("glexec_calls").path("setup").path("203").asInt(),
        "every failed setup call reached the site");
  }

  @Test
  void theBreakersOpenAndEveryNodesBreakerClosesAgain() {
    JsonNode breakers = variants.path(BREAKER).path("breakers").path("siteA");
    assertTrue(breakers.path("opened").asInt() >= 4, "each of the 4 nodes' breakers opened: " + breakers);
    assertEquals(4, breakers.path("closed").asInt(), "one successful probe per node: " + breakers);
    assertTrue(variants.path(BREAKER).path("glexec_refused_by_breaker").path("setup").asInt() > 0,
        variants.path(BREAKER).toString());
    for (String v : List.of(NONE, HTCONDOR, CLASSIFIED)) {
      assertTrue(variants.path(v).path("breakers").isEmpty(), v + " has no breaker");
    }
  }

  @Test
  void theSameScenarioAndSeedGiveByteIdenticalResults() throws IOException {
    Path b = run("b");
    ScenarioRuns.assertSameBytes(tmp.resolve("a"), b, List.of(
        "summary.json", "report.html", "timeseries.csv",
        "4._classified_backoff_with_circuit_breaker/job_events.log",
        "4._classified_backoff_with_circuit_breaker/jobs.csv"));
  }
}
