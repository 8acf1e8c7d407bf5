package org.pilotpool.cli.bench;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.cli.Main;
import picocli.CommandLine;

class ReplayBenchTest {
  @TempDir Path tmp;

  @Test
  void benchReplayPrintsOneJsonLineWithEveryJobEnded() throws IOException {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CommandLine cl = Main.commandLine();
    cl.setOut(new PrintWriter(out, true));
    cl.setErr(new PrintWriter(err, true));
    int code = cl.execute("bench", "replay", "--jobs", "5000", "--slots", "10");
    assertEquals(0, code, err.toString());
    assertEquals(1, out.toString().strip().lines().count(), out.toString());
    JsonNode line = new ObjectMapper().readTree(out.toString());
    assertEquals(5000, line.get("jobs").asLong());
    assertTrue(line.get("peak_heap_mb").asLong() > 0);
  }

  @Test
  void theSyntheticTraceHasOneLinePerJobAfterItsHeader() throws IOException {
    Path f = tmp.resolve("t.swf");
    SyntheticSwf.write(f, 100, 4, 0.8, 3);
    try (var lines = Files.lines(f)) {
      assertEquals(100, lines.filter(l -> !l.startsWith(";")).count());
    }
  }
}
