package org.pilotpool.startd;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.input.BadInputException;

/**
 * The startd's knobs.
 *
 * @param claimWorklife {@code CLAIM_WORKLIFE} (1200 s): after this long a claim takes no new job
 *     (the running one finishes); negative means infinite (HTCondor's -1), zero one job per claim
 * @param start {@code START}: which jobs the slot accepts (true)
 * @param executeDir {@code EXECUTE}: where job sandboxes are made
 */
public record StartdConfig(Duration claimWorklife, Expr start, String executeDir) {
  public StartdConfig {
    Objects.requireNonNull(claimWorklife, "claimWorklife");
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(executeDir, "executeDir");
    if (!executeDir.startsWith("/")) {
      throw new BadInputException(null, 0, "EXECUTE",
          "expected an absolute directory, got '" + executeDir + "'");
    }
  }

  /** HTCondor's defaults. */
  public static StartdConfig defaults() {
    return new StartdConfig(Duration.ofSeconds(1200), Expr.parse("START", "true"),
        "/var/lib/condor/execute");
  }

  /** With {@code CLAIM_WORKLIFE} in seconds: -1 infinite, 0 one job per claim. */
  public StartdConfig withClaimWorklife(long seconds) {
    if (seconds < -1) {
      throw new BadInputException(null, 0, "CLAIM_WORKLIFE",
          "expected -1 (infinite), 0 (one job) or a number of seconds, got " + seconds);
    }
    return new StartdConfig(seconds < 0 ? Duration.ofSeconds(-1) : Duration.ofSeconds(seconds),
        start, executeDir);
  }
}
