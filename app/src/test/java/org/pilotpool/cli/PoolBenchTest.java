package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import org.junit.jupiter.api.Test;

/** {@code bench pool}: what it prints for each run. */
class PoolBenchTest {

  @Test
  void eachRunPrintsItsOwnLineOfCompletedJobs() throws Exception {
    RunCommandTest.Outcome o = RunCommandTest.cli(
        "bench", "pool", "--slots", "4", "--jobs", "12", "--users", "3", "--runs", "2");
    assertEquals(0, o.code(), o.err());
    List<String> lines = o.out().lines().toList();
    assertEquals(2, lines.size(), o.out());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode line = new ObjectMapper().readTree(lines.get(i));
      assertEquals(i + 1, line.get("run").asInt());
      assertEquals(12, line.get("completed").asInt());
      assertEquals(36, line.get("glexec_calls").asInt());
    }
  }
}
