package org.pilotpool.startd;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.config.Section;
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

  /** The configuration section the startd's settings are read from. */
  public static final String SECTION = "pilotpool.startd";

  /**
   * Reads {@code pilotpool.startd.{claim-worklife, start, execute}}; {@code claim-worklife} is a
   * number of seconds as HTCondor writes it (-1 infinite, 0 one job). Absent keys keep the
   * defaults.
   *
   * @throws BadInputException naming the file, line and key, and what was expected
   */
  public static StartdConfig fromConfig(Config config) {
    StartdConfig d = defaults();
    Section c = Section.of(config, SECTION);
    // CLAIM_WORKLIFE: -1 infinite, 0 one job, else seconds.
    StartdConfig worklife = c.has("claim-worklife")
        ? d.withClaimWorklife(c.integer("claim-worklife", 0, -1)) : d;
    Expr start = c.expression("start").orElse(d.start());
    String execute = c.string("execute", d.executeDir());
    if (!execute.startsWith("/")) {
      throw c.bad("execute", "expected an absolute directory, got '" + execute + "'");
    }
    return new StartdConfig(worklife.claimWorklife(), start, execute);
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
