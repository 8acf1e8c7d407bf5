package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's try-and-fail scenario, its three variants run through {@code pilotpool run}. */
class TryAndFailScenarioTest {
  private static final String SCENARIO = "try-and-fail";
  private static final String LOOP = "1. holding off";
  private static final String HOLD = "2. HTCondor hold";
  private static final String EXCLUDE = "3. site exclusion";

  @TempDir static Path tmp;
  private static JsonNode variants;

  private static Path run(String name) {
    return ScenarioRuns.run(SCENARIO, tmp.resolve(name));
  }

  @BeforeAll
  static void runOnce() throws IOException {
    variants = ScenarioRuns.variants(run("a"));
  }

  /** alice's row of a variant's jobs.csv, split into its columns. */
  private static String[] alice(String folder) throws IOException {
    return Files.readAllLines(tmp.resolve("a").resolve(folder).resolve("jobs.csv")).stream()
        .filter(l -> l.contains(",alice,")).findFirst().orElseThrow().split(",", -1);
  }

  @Test
  void withHoldingOffTheDeniedJobLoopsAboutOncePerNegotiationCycle() throws IOException {
    String[] row = alice("1._holding_off");
    int activations = Integer.parseInt(row[8]);
    // Two simulated hours of a 60 s NEGOTIATOR_INTERVAL: at least 50 denials per hour.
    assertTrue(activations >= 100 && activations <= 120, "activations: " + activations);
    assertEquals("siteA", row[7], "re-matched to the denying site every time");
    assertTrue(variants.path(LOOP).path("holds_by_code").isEmpty());
  }

  @Test
  void htcondorsHoldStopsItAfterTheFirstFailedStartWithCode28() throws IOException {
    String[] row = alice("2._HTCondor_hold");
    assertEquals("held", row[5]);
    assertEquals("28", row[6]);
    assertEquals("1", row[8], "one activation");
    assertEquals(1, variants.path(HOLD).path("holds_by_code").path("28").asInt());
  }

  @Test
  void siteExclusionRunsTheDeniedJobAtTheSiteThatPermitsIt() throws IOException {
    String[] row = alice("3._site_exclusion");
    assertEquals("completed", row[5]);
    assertEquals("siteB", row[7]);
    assertEquals(4, variants.path(EXCLUDE).path("jobs").path("by_status").path("completed").asInt());
  }

  @Test
  void bobRunsNormallyInEveryVariant() {
    for (String v : List.of(LOOP, HOLD, EXCLUDE)) {
      assertTrue(variants.path(v).path("jobs").path("by_status").path("completed").asInt() >= 3, v);
    }
  }

  @Test
  void theSameScenarioAndSeedGiveByteIdenticalResults() throws IOException {
    Path b = run("b");
    ScenarioRuns.assertSameBytes(tmp.resolve("a"), b, List.of(
        "summary.json", "report.html", "timeseries.csv",
        "1._holding_off/job_events.log", "3._site_exclusion/jobs.csv"));
  }

  @Test
  void theReportCountsTheHeldJobOverTime() throws IOException {
    List<String> held = Files.readAllLines(tmp.resolve("a").resolve("timeseries.csv")).stream()
        .filter(l -> l.startsWith(HOLD + ",held,")).toList();
    assertEquals("1", held.get(held.size() - 1).substring(held.get(held.size() - 1).lastIndexOf(',') + 1),
        "one job held at the end: " + held);
    assertTrue(held.stream().anyMatch(l -> l.endsWith(",0")), "none held at first");
  }
}
