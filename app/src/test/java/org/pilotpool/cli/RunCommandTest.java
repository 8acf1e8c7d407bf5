package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class RunCommandTest {
  @TempDir Path tmp;

  private static final Path QUICKSTART = Path.of("..", "scenarios", "quickstart.conf");

  record Outcome(int code, String out, String err) {}

  static Outcome cli(String... args) {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute(args);
    return new Outcome(code, out.toString(), err.toString());
  }

  private Path writeScenario(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static List<String> listing(Path dir) throws IOException {
    try (var s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void quickstartWritesAResultsFolder() throws IOException {
    Outcome o = cli("run", "--quiet", "--out", tmp.resolve("a").toString(), QUICKSTART.toString());
    assertEquals(0, o.code(), o.err());
    assertEquals(List.of("jobs.csv", "report.html", "summary.json", "timeseries.csv"), listing(tmp.resolve("a")));
    assertEquals(2001, Files.readAllLines(tmp.resolve("a/jobs.csv")).size());
    assertTrue(o.out().contains("2000 submitted"), o.out());
  }

  @Test
  void theSameSeedGivesByteIdenticalResults() throws IOException {
    cli("run", "--quiet", "--out", tmp.resolve("a").toString(), QUICKSTART.toString());
    cli("run", "--quiet", "--out", tmp.resolve("b").toString(), QUICKSTART.toString());
    for (String f : listing(tmp.resolve("a"))) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
          Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
    }
  }

  @Test
  void anotherSeedGivesDifferentResults() throws IOException {
    cli("run", "--quiet", "--out", tmp.resolve("a").toString(), QUICKSTART.toString());
    cli("run", "--quiet", "--seed", "43", "--out", tmp.resolve("b").toString(), QUICKSTART.toString());
    assertFalse(Arrays.equals(Files.readAllBytes(tmp.resolve("a/jobs.csv")),
        Files.readAllBytes(tmp.resolve("b/jobs.csv"))));
  }

  @Test
  void aMissingScenarioFileIsOneLineAndExitCodeTwo() {
    Outcome o = cli("run", tmp.resolve("nope.conf").toString());
    assertEquals(2, o.code());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("nope.conf: no such file"), o.err());
  }

  @Test
  void malformedHoconNamesTheFileAndLine() throws IOException {
    Path f = writeScenario("bad.conf", "pilotpool {\n  seed = 3\n  quickstart { slots = [ }\n}\n");
    Outcome o = cli("run", f.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("bad.conf:3:"), o.err());
    assertFalse(o.err().contains("\tat "), "no stack trace without --debug: " + o.err());
  }

  @Test
  void anUnknownModelIsOneLineNamingTheChoices() throws IOException {
    Path f = writeScenario("model.conf", "pilotpool {\n  scenario.model = grid\n}\n");
    Outcome o = cli("run", f.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("model.conf:2: pilotpool.scenario.model: expected quickstart or "
        + "pool, got \"grid\""), o.err());
  }

  @Test
  void anUnknownKeyIsRejectedWithTheValidKeys() throws IOException {
    Path f = writeScenario("typo.conf", "pilotpool {\n  quickstart {\n    slot = 10\n  }\n}\n");
    Outcome o = cli("run", f.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("typo.conf:3: pilotpool.quickstart.slot: unknown key; valid keys here: "
        + "jobs, mean-interarrival, mean-runtime, slots"), o.err());
  }

  @Test
  void aValueOfTheWrongKindSaysWhatWasExpected() throws IOException {
    Path f = writeScenario("kind.conf", "pilotpool.quickstart.mean-runtime = soon\n");
    Outcome o = cli("run", f.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("kind.conf:1: pilotpool.quickstart.mean-runtime: expected a duration"), o.err());
  }

  @Test
  void debugAddsTheStackTrace() throws IOException {
    Path f = writeScenario("bad.conf", "pilotpool { seed = [ }\n");
    Outcome o = cli("run", "--debug", f.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("\tat "), o.err());
  }

  @Test
  void anUnknownSubcommandPrintsUsageAndExitsTwo() {
    Outcome o = cli("simulate-everything");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("Usage: pilotpool"), o.err());
  }

  @Test
  void anUnknownOptionPrintsUsageAndExitsTwo() {
    Outcome o = cli("run", "--fast", QUICKSTART.toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("Unknown option: '--fast'"), o.err());
    assertTrue(o.err().contains("Usage: pilotpool run"), o.err());
  }

  @Test
  void aVariantsMistypedKnobIsRejectedWithItsLine() throws IOException {
    Path f = writeScenario("variants.conf", String.join("\n",
        "pilotpool {",
        "  scenario.model = pool",
        "  sites.A { nodes = 1 }",
        "  variants {",
        "    fast { schedd { job-stop-dela = 1s } }",
        "  }",
        "}", ""));
    Outcome o = cli("run", "--quiet", "--out", tmp.resolve("v").toString(), f.toString());
    assertEquals(2, o.code(), o.out());
    assertTrue(o.err().contains("variants.conf:5: pilotpool.schedd.job-stop-dela: unknown key"), o.err());
  }

  @Test
  void variantsWhoseNamesMakeOneFolderAreRejectedBeforeAnyRun() throws IOException {
    Path f = writeScenario("variants.conf", String.join("\n",
        "pilotpool {",
        "  scenario.model = pool",
        "  sites.A { nodes = 1 }",
        "  variants {",
        "    \"fast stop\" { schedd { job-stop-delay = 1s } }",
        "    \"fast/stop\" { schedd { job-stop-delay = 2s } }",
        "  }",
        "}", ""));
    Outcome o = cli("run", "--quiet", "--out", tmp.resolve("v").toString(), f.toString());
    assertEquals(2, o.code(), o.out());
    assertEquals("pilotpool: " + f + ":4: pilotpool.variants: variants \"fast stop\", \"fast/stop\""
        + " would share the results folder fast_stop; rename all but one", o.err().strip());
    assertFalse(Files.exists(tmp.resolve("v")), "nothing ran");
  }

  @Test
  void anOutFolderThatCannotBeMadeIsBadInputBeforeTheRunStarts() throws IOException {
    Path taken = Files.writeString(tmp.resolve("taken"), "a file, not a folder\n");
    Outcome o = cli("run", "--quiet", "--out", taken.toString(), QUICKSTART.toString());
    assertEquals(2, o.code(), o.err());
    assertEquals("pilotpool: " + taken + ": --out: cannot make the results folder: " + taken
        + " exists and is not a folder", o.err().strip());
    assertFalse(o.out().contains("virtual time"), "the run did not start: " + o.out());
  }
}
