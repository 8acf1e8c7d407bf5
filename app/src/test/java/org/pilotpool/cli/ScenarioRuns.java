package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Catalog scenarios run through {@code pilotpool run}, as the scenario tests use them. */
final class ScenarioRuns {
  private ScenarioRuns() {}

  /** Runs {@code scenarios/<name>.conf} into {@code out} and returns it; a non-zero exit fails. */
  static Path run(String name, Path out) {
    RunCommandTest.Outcome o = RunCommandTest.cli("run", "--quiet", "--out", out.toString(),
        Path.of("..", "scenarios", name + ".conf").toString());
    assertEquals(0, o.code(), o.err());
    return out;
  }

  /** The per-variant part of a results folder's summary.json. */
  static JsonNode variants(Path results) throws IOException {
    return new ObjectMapper().readTree(results.resolve("summary.json").toFile()).path("variants");
  }

  /** Asserts that the files, relative to each results folder, are byte for byte the same. */
  static void assertSameBytes(Path a, Path b, List<String> files) throws IOException {
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(a.resolve(f)), Files.readAllBytes(b.resolve(f)), f);
    }
  }
}
