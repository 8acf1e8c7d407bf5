package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;

/** How the benchmarks read their options, and what they say to bad ones. */
class BenchOptionsTest {

  @Test
  void anOptionNoLoadCanBeBuiltFromIsBadInputNamingIt() {
    List<List<String>> cases = List.of(
        List.of("pool", "--slots", "0"),
        List.of("pool", "--jobs", "-5"),
        List.of("pool", "--users", "0"),
        List.of("pool", "--runs", "0"),
        List.of("kernel", "--actors", "0"),
        List.of("kernel", "--hops", "0"),
        List.of("kernel", "--runs", "0"),
        List.of("kernel", "--period", "-PT1H"),
        List.of("kernel", "--duration", "PT0S"),
        List.of("replay", "--jobs", "0"),
        List.of("replay", "--slots", "0"));
    for (List<String> c : cases) {
      RunCommandTest.Outcome o = RunCommandTest.cli("bench", c.get(0), c.get(1), c.get(2));
      assertEquals(2, o.code(), c + ": " + o.err());
      assertTrue(o.err().startsWith("pilotpool: command line: " + c.get(1) + ": expected"),
          c + ": " + o.err());
    }
  }

  @Test
  void aDurationIsWrittenInIsoOrAsScenarioFilesWriteIt() {
    for (String text : List.of("PT90M", "90m", "90 minutes", "1.5h")) {
      CommandLine.ParseResult parsed =
          Main.commandLine().parseArgs("bench", "kernel", "--duration", text);
      Duration d = parsed.subcommand().subcommand().matchedOptionValue("--duration", null);
      assertEquals(Duration.ofMinutes(90), d, text);
    }
  }

  @Test
  void aDurationInNeitherSpellingIsAUsageErrorSayingWhatIsExpected() {
    RunCommandTest.Outcome o = RunCommandTest.cli("bench", "kernel", "--period", "soon");
    assertEquals(2, o.code());
    assertTrue(o.err().startsWith("Invalid value for option '--period': expected a duration such"
        + " as PT30M, P7D, 30m or 7d, got 'soon'"), o.err());
  }
}
