package org.pilotpool.model.retry;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.input.BadInputException;

/**
 * HTCondor's glexec retry knobs (7.8.8 and later), passed by the starter and procd to every helper
 * script.
 *
 * @param retries {@code GLEXEC_RETRIES}: retries after the first call, default 3, at least 0
 * @param retryDelay {@code GLEXEC_RETRY_DELAY}: the delay unit, default 5 s, at least 0; HTCondor
 *     counts it in whole seconds
 */
public record HtcondorRetryConfig(int retries, Duration retryDelay) {
  public static final int DEFAULT_RETRIES = 3;
  public static final Duration DEFAULT_RETRY_DELAY = Duration.ofSeconds(5);

  public HtcondorRetryConfig {
    Objects.requireNonNull(retryDelay, "retryDelay");
    if (retries < 0) {
      throw new BadInputException(null, 0, "GLEXEC_RETRIES",
          "expected a whole number of retries >= 0, got " + retries);
    }
    if (retryDelay.isNegative()) {
      throw new BadInputException(null, 0, "GLEXEC_RETRY_DELAY",
          "expected a delay >= 0 seconds, got " + retryDelay.toSeconds() + " s");
    }
  }

  /** HTCondor's defaults: 3 retries, 5 s. */
  public static HtcondorRetryConfig defaults() {
    return new HtcondorRetryConfig(DEFAULT_RETRIES, DEFAULT_RETRY_DELAY);
  }
}
