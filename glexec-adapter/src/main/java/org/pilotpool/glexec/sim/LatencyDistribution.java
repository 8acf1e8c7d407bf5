package org.pilotpool.glexec.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pilotpool.model.input.BadInputException;

/** A distribution of local processing times, sampled from an injected random stream. */
public sealed interface LatencyDistribution {

  /** The configuration key the distributions are read from, for error messages. */
  String KEY = "glexec.sim.local-latency";

  Duration sample(RandomGenerator random);

  /** Always the same duration. */
  record Constant(Duration value) implements LatencyDistribution {
    public Constant {
      Objects.requireNonNull(value, "value");
      if (value.isNegative()) {
        throw new BadInputException(null, 0, KEY, "expected a duration >= 0, got " + value);
      }
    }

    @Override
    public Duration sample(RandomGenerator random) {
      return value;
    }
  }

  /** Uniform between {@code min} and {@code max}, both included. */
  record Uniform(Duration min, Duration max) implements LatencyDistribution {
    public Uniform {
      Objects.requireNonNull(min, "min");
      Objects.requireNonNull(max, "max");
      if (min.isNegative() || max.compareTo(min) < 0) {
        throw new BadInputException(null, 0, KEY,
            "expected 0 <= min <= max, got min " + min + " and max " + max);
      }
    }

    @Override
    public Duration sample(RandomGenerator random) {
      long span = max.minus(min).toNanos();
      return min.plusNanos(span == 0 ? 0 : random.nextLong(span + 1));
    }
  }

  /**
   * Log-normal with the given median and shape: skewed to the right as process start-up and
   * proxy verification times are, never negative.
   */
  record LogNormal(Duration median, double sigma) implements LatencyDistribution {
    public LogNormal {
      Objects.requireNonNull(median, "median");
      if (median.isNegative() || median.isZero()) {
        throw new BadInputException(null, 0, KEY, "expected a positive median, got " + median);
      }
      if (!(sigma >= 0) || Double.isInfinite(sigma)) {
        throw new BadInputException(null, 0, KEY, "expected a finite sigma >= 0, got " + sigma);
      }
    }

    @Override
    public Duration sample(RandomGenerator random) {
      double nanos = median.toNanos() * Math.exp(sigma * random.nextGaussian());
      return Duration.ofNanos(Math.round(Math.min(nanos, (double) Long.MAX_VALUE)));
    }
  }
}
