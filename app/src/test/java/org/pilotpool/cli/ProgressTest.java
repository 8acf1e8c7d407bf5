package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class ProgressTest {
  @Test
  void withoutATerminalProgressIsAPlainLineWithVirtualTimePercentAndRate() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress p = Progress.lines(Instant.parse("2026-01-01T00:00:00Z"), Duration.ZERO, err)) {
      p.onProgress(Duration.ofHours(6).toNanos(), Duration.ofDays(1).toNanos(), 12_345);
    }
    String line = bytes.toString(StandardCharsets.UTF_8).strip();
    assertEquals(1, line.lines().count(), line);
    assertTrue(line.startsWith("progress: virtual 2026-01-01T06:00:00Z (25.0%), 12,345 events, "), line);
    assertTrue(line.endsWith(" events/s"), line);
  }

  @Test
  void linesAreSpacedByTheInterval() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    PrintStream err = new PrintStream(bytes, true, StandardCharsets.UTF_8);
    try (Progress p = Progress.lines(Instant.EPOCH, Duration.ofHours(1), err)) {
      for (int i = 0; i < 1000; i++) {
        p.onProgress(i, 1000, i);
      }
    }
    assertEquals("", bytes.toString(StandardCharsets.UTF_8), "no line before an hour of wall time");
  }
}
