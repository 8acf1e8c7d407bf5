package org.pilotpool.cli.bench;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;

/**
 * Writes an SWF trace of single-core jobs with exponential interarrival and run times, line by
 * line, so that a trace of any length costs no memory. Run times average {@link #MEAN_RUN_SECONDS}
 * and arrivals are spaced for the given load on the given cores: busy but stable below 1.
 */
final class SyntheticSwf {
  static final double MEAN_RUN_SECONDS = 600;

  private SyntheticSwf() {}

  static void write(Path file, long jobs, int cores, double load, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double meanInterarrival = MEAN_RUN_SECONDS / (cores * load);
    double submit = 0;
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write("; Version: 2.2\n; Computer: synthetic\n; MaxJobs: " + jobs + "\n; MaxProcs: " + cores + "\n");
      StringBuilder line = new StringBuilder(96);
      for (long id = 1; id <= jobs; id++) {
        submit += exponential(random, meanInterarrival);
        long run = Math.max(1, Math.round(exponential(random, MEAN_RUN_SECONDS)));
        line.setLength(0);
        line.append(id).append(' ').append(Math.round(submit)).append(" -1 ").append(run)
            .append(" 1 -1 -1 1 -1 -1 1 ").append(1 + id % 50).append(" 1 -1 -1 -1 -1 -1\n");
        out.append(line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
  }

  private static double exponential(SplittableRandom random, double mean) {
    return -mean * Math.log(1.0 - random.nextDouble());
  }
}
