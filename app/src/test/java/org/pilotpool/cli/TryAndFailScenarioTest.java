package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The catalog's try-and-fail scenario, run through {@code pilotpool run}. */
class TryAndFailScenarioTest {
  private static final Path SCENARIO = Path.of("..", "scenarios", "try-and-fail.conf");

  @TempDir Path tmp;

  private Path run(String name) {
    Path out = tmp.resolve(name);
    RunCommandTest.Outcome o = RunCommandTest.cli("run", "--quiet", "--out", out.toString(),
        SCENARIO.toString());
    assertEquals(0, o.code(), o.err());
    return out;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void theBannedUsersJobIsHeldWithCode28AfterItsFirstFailedStartWhileTheOthersComplete()
      throws IOException {
    Path out = run("a");
    assertEquals(List.of("job_events.log", "jobs.csv", "report.html", "summary.json",
        "timeseries.csv"), listing(out));
    JsonNode summary = new ObjectMapper().readTree(out.resolve("summary.json").toFile());
    assertEquals("pool", summary.path("model").asText());
    assertEquals(1, summary.path("jobs").path("by_status").path("held").asInt());
    assertEquals(3, summary.path("jobs").path("by_status").path("completed").asInt());
    assertEquals(1, summary.path("holds_by_code").path("28").asInt(), summary.toString());
    assertEquals(1, summary.path("holds_by_code").size(), "no other hold");
    List<String> jobs = Files.readAllLines(out.resolve("jobs.csv"));
    String alice = jobs.stream().filter(l -> l.contains(",alice,")).findFirst().orElseThrow();
    assertTrue(alice.contains(",held,28,siteA,1,"), "held after one activation: " + alice);
    assertTrue(Files.readString(out.resolve("job_events.log")).contains("012 (001.000.000)"));
  }

  @Test
  void theSameScenarioAndSeedGiveByteIdenticalResultsFolders() throws IOException {
    Path a = run("a");
    Path b = run("b");
    assertEquals(listing(a), listing(b));
    for (String f : listing(a)) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }
}
