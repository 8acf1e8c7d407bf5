package org.pilotpool.authz;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;

/**
 * How long one request occupies a worker of the authorization service. Only the mean is published
 * for Argus (see {@link SiteAuthzConfig}), so the distributions are parameterised by their mean.
 */
public sealed interface ServiceTimeDistribution {

  /** The distribution's mean. */
  Duration mean();

  /** One service time drawn from {@code rng}; never negative. */
  Duration sample(RandomGenerator rng);

  /**
   * Exponential service times (coefficient of variation 1): the least-assumption choice when only
   * a mean is known, and the M/M/c textbook case.
   */
  record Exponential(Duration mean) implements ServiceTimeDistribution {
    public Exponential {
      requirePositive(mean);
    }

    @Override
    public Duration sample(RandomGenerator rng) {
      return nanos(rng.nextExponential() * mean.toNanos());
    }
  }

  /**
   * Log-normal service times with the given mean and shape {@code sigma} (the standard deviation
   * of the underlying normal): a long right tail, as request latencies of real services show.
   */
  record LogNormal(Duration mean, double sigma) implements ServiceTimeDistribution {
    public LogNormal {
      requirePositive(mean);
      if (!(sigma >= 0) || Double.isInfinite(sigma)) {
        throw new IllegalArgumentException(
            "log-normal sigma must be a finite number >= 0, got " + sigma);
      }
    }

    @Override
    public Duration sample(RandomGenerator rng) {
      // E[exp(mu + sigma Z)] = exp(mu + sigma^2 / 2), so this mu keeps the configured mean.
      double mu = Math.log(mean.toNanos()) - sigma * sigma / 2;
      return nanos(Math.exp(mu + sigma * rng.nextGaussian()));
    }
  }

  /** The same service time for every request: for what-if runs and exact tests. */
  record Constant(Duration mean) implements ServiceTimeDistribution {
    public Constant {
      requirePositive(mean);
    }

    @Override
    public Duration sample(RandomGenerator rng) {
      return mean;
    }
  }

  private static void requirePositive(Duration mean) {
    Objects.requireNonNull(mean, "mean");
    if (mean.isNegative() || mean.isZero()) {
      throw new IllegalArgumentException("mean service time must be positive, got " + mean);
    }
  }

  private static Duration nanos(double value) {
    return Duration.ofNanos(Math.round(Math.min(value, Long.MAX_VALUE)));
  }
}
