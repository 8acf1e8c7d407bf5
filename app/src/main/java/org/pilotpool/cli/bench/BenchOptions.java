package org.pilotpool.cli.bench;

import java.time.Duration;
import org.pilotpool.model.config.Section;
import org.pilotpool.model.input.BadInputException;

/**
 * Checks of the benchmarks' options: a value no load can be built from is bad input (exit code
 * 2) that names the option, as for the other commands, not an internal error from deep inside.
 */
final class BenchOptions {
  private BenchOptions() {}

  static void atLeastOne(String option, long value) {
    if (value < 1) {
      throw new BadInputException("command line", 0, option, "expected at least 1, got " + value);
    }
  }

  static void positive(String option, Duration value) {
    if (value.isZero() || value.isNegative()) {
      throw new BadInputException("command line", 0, option,
          "expected a positive duration, got " + Section.seconds(value));
    }
  }
}
