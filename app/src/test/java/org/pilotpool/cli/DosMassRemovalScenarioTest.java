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

/** The catalog's dos-mass-removal scenario, its two variants run through {@code pilotpool run}. */
class DosMassRemovalScenarioTest {
  private static final String SCENARIO = "dos-mass-removal";
  private static final String BURST = "1. JOB_STOP_DELAY=0";
  private static final String THROTTLED = "2. JOB_STOP_DELAY=1s, COUNT=30";

  @TempDir static Path tmp;
  private static JsonNode variants;

  private static Path run(String name) {
    return ScenarioRuns.run(SCENARIO, tmp.resolve(name));
  }

  @BeforeAll
  static void runOnce() throws IOException {
    variants = ScenarioRuns.variants(run("a"));
  }

  private static JsonNode site(String variant) {
    return variants.path(variant).path("sites").path("siteA");
  }

  @Test
  void withoutAStopDelayTheKillBurstFillsTheAuthzQueueAndIsRefused() {
    assertEquals(500, site(BURST).path("peak_queue").asInt(), site(BURST).toString());
    assertTrue(site(BURST).path("rejections").asInt() > 100, site(BURST).toString());
    assertTrue(variants.path(BURST).path("glexec_calls").path("kill").path("203").asInt() > 100,
        "KILL calls glexec refused with 203");
  }

  @Test
  void theThrottledQueueStaysAtLeastTenTimesShorterAndNothingIsRefused() {
    int burst = site(BURST).path("peak_queue").asInt();
    int throttled = site(THROTTLED).path("peak_queue").asInt();
    assertTrue(burst >= 10 * Math.max(1, throttled), "peak queue " + burst + " vs " + throttled);
    assertEquals(0, site(THROTTLED).path("rejections").asInt());
  }

  @Test
  void everyJobIsRemovedInBothVariants() {
    for (String v : List.of(BURST, THROTTLED)) {
      assertEquals(1000, variants.path(v).path("jobs").path("by_status").path("removed").asInt(), v);
    }
  }

  @Test
  void eachVariantHasItsOwnEventLogAndTheReportShowsThemSideBySide() throws IOException {
    Path out = tmp.resolve("a");
    assertTrue(Files.exists(out.resolve("1._JOB_STOP_DELAY_0/job_events.log")));
    assertTrue(Files.exists(out.resolve("2._JOB_STOP_DELAY_1s_COUNT_30/jobs.csv")));
    String report = Files.readString(out.resolve("report.html"));
    assertTrue(report.contains(BURST) && report.contains(THROTTLED));
  }

  @Test
  void theSameScenarioAndSeedGiveByteIdenticalResults() throws IOException {
    Path b = run("b");
    ScenarioRuns.assertSameBytes(tmp.resolve("a"), b, List.of(
        "summary.json", "report.html", "timeseries.csv",
        "1._JOB_STOP_DELAY_0/job_events.log"));
  }
}
