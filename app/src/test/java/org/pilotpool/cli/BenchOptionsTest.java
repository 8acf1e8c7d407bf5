package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** What the benchmarks say to options no load can be built from. */
class BenchOptionsTest {

  @Test
  void anOptionNoLoadCanBeBuiltFromIsBadInputNamingIt() {
    List<List<String>> cases = List.of(
        List.of("pool", "--slots", "0"),
        List.of("pool", "--jobs", "-5"),
        List.of("pool", "--users", "0"),
        List.of("kernel", "--actors", "0"),
        List.of("kernel", "--hops", "0"),
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
}
