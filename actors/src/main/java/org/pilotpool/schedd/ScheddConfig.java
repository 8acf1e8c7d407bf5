package org.pilotpool.schedd;

import java.time.Duration;
import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.classad.Expr;
import com.typesafe.config.Config;
import org.pilotpool.model.config.Section;
import org.pilotpool.model.input.BadInputException;

/**
 * The schedd's knobs, with HTCondor 8.8's names and defaults. Out-of-range values are rejected
 * with the knob's name, as HTCondor's {@code param} minimums would clamp them silently.
 *
 * @param jobStopDelay {@code JOB_STOP_DELAY} (0 s): how often the action queue for jobs with a
 *     shadow (hold, remove, vacate) is drained
 * @param jobStopCount {@code JOB_STOP_COUNT} (1, min 1): entries handled per drain
 * @param jobStartDelay {@code JOB_START_DELAY} (0 s): how often shadows are started
 * @param jobStartCount {@code JOB_START_COUNT} (1, min 1): shadows started per interval
 * @param maxJobsRunning {@code MAX_JOBS_RUNNING} (min(DETECTED_MEMORY, 10000); here 10000)
 * @param maxShadowExceptions {@code MAX_SHADOW_EXCEPTIONS} (5 in 8.8): shadow exceptions per
 *     match before the schedd relinquishes the claim
 * @param periodicExprInterval {@code PERIODIC_EXPR_INTERVAL} (60 s)
 * @param systemPeriodicHold {@code SYSTEM_PERIODIC_HOLD} (unset)
 * @param systemPeriodicRelease {@code SYSTEM_PERIODIC_RELEASE} (unset)
 * @param systemPeriodicRemove {@code SYSTEM_PERIODIC_REMOVE} (unset)
 * @param scheddAddress the schedd's sinful string, written in 000 events
 */
public record ScheddConfig(
    Duration jobStopDelay,
    int jobStopCount,
    Duration jobStartDelay,
    int jobStartCount,
    int maxJobsRunning,
    int maxShadowExceptions,
    Duration periodicExprInterval,
    Optional<Expr> systemPeriodicHold,
    Optional<Expr> systemPeriodicRelease,
    Optional<Expr> systemPeriodicRemove,
    String scheddAddress) {

  public ScheddConfig {
    nonNegative("JOB_STOP_DELAY", jobStopDelay);
    atLeast("JOB_STOP_COUNT", jobStopCount, 1);
    nonNegative("JOB_START_DELAY", jobStartDelay);
    atLeast("JOB_START_COUNT", jobStartCount, 1);
    atLeast("MAX_JOBS_RUNNING", maxJobsRunning, 0);
    atLeast("MAX_SHADOW_EXCEPTIONS", maxShadowExceptions, 1);
    nonNegative("PERIODIC_EXPR_INTERVAL", periodicExprInterval);
    if (periodicExprInterval.isZero()) {
      throw new BadInputException(null, 0, "PERIODIC_EXPR_INTERVAL",
          "must be a positive number of seconds, got 0");
    }
    Objects.requireNonNull(systemPeriodicHold, "systemPeriodicHold");
    Objects.requireNonNull(systemPeriodicRelease, "systemPeriodicRelease");
    Objects.requireNonNull(systemPeriodicRemove, "systemPeriodicRemove");
    Objects.requireNonNull(scheddAddress, "scheddAddress");
  }

  /** The configuration section the schedd's knobs are read from. */
  public static final String SECTION = "pilotpool.schedd";

  /**
   * Reads {@code pilotpool.schedd.{job-stop-delay, job-stop-count, job-start-delay,
   * job-start-count, max-jobs-running, max-shadow-exceptions, periodic-expr-interval,
   * system-periodic-hold, system-periodic-release, system-periodic-remove}}; absent keys keep
   * HTCondor's defaults, an empty expression is unset.
   *
   * @throws BadInputException naming the file, line and key, and what was expected
   */
  public static ScheddConfig fromConfig(Config config) {
    ScheddConfig d = defaults();
    Section c = Section.of(config, SECTION);
    return new ScheddConfig(
        c.duration("job-stop-delay", d.jobStopDelay(), Duration.ZERO),
        c.integer("job-stop-count", d.jobStopCount(), 1),
        c.duration("job-start-delay", d.jobStartDelay(), Duration.ZERO),
        c.integer("job-start-count", d.jobStartCount(), 1),
        c.integer("max-jobs-running", d.maxJobsRunning(), 0),
        c.integer("max-shadow-exceptions", d.maxShadowExceptions(), 1),
        c.duration("periodic-expr-interval", d.periodicExprInterval(), Duration.ofSeconds(1)),
        c.expression("system-periodic-hold"),
        c.expression("system-periodic-release"),
        c.expression("system-periodic-remove"),
        d.scheddAddress());
  }

  /** HTCondor 8.8's defaults. */
  public static ScheddConfig defaults() {
    return new ScheddConfig(Duration.ZERO, 1, Duration.ZERO, 1, 10_000, 5, Duration.ofSeconds(60),
        Optional.empty(), Optional.empty(), Optional.empty(), "<127.0.0.1:9618>");
  }

  /**
   * glideinWMS's schedd recommendations: MAX_JOBS_RUNNING 6000, JOB_START_DELAY 2 /
   * JOB_START_COUNT 50, JOB_STOP_DELAY 1 / JOB_STOP_COUNT 30 ("needed to prevent glexec
   * overload").
   */
  public static ScheddConfig glideinWmsRecommended() {
    return defaults().withJobStop(Duration.ofSeconds(1), 30)
        .withJobStart(Duration.ofSeconds(2), 50).withMaxJobsRunning(6000);
  }

  public ScheddConfig withJobStop(Duration delay, int count) {
    return new ScheddConfig(delay, count, jobStartDelay, jobStartCount, maxJobsRunning,
        maxShadowExceptions, periodicExprInterval, systemPeriodicHold, systemPeriodicRelease,
        systemPeriodicRemove, scheddAddress);
  }

  public ScheddConfig withJobStart(Duration delay, int count) {
    return new ScheddConfig(jobStopDelay, jobStopCount, delay, count, maxJobsRunning,
        maxShadowExceptions, periodicExprInterval, systemPeriodicHold, systemPeriodicRelease,
        systemPeriodicRemove, scheddAddress);
  }

  public ScheddConfig withMaxJobsRunning(int max) {
    return new ScheddConfig(jobStopDelay, jobStopCount, jobStartDelay, jobStartCount, max,
        maxShadowExceptions, periodicExprInterval, systemPeriodicHold, systemPeriodicRelease,
        systemPeriodicRemove, scheddAddress);
  }

  public ScheddConfig withMaxShadowExceptions(int max) {
    return new ScheddConfig(jobStopDelay, jobStopCount, jobStartDelay, jobStartCount,
        maxJobsRunning, max, periodicExprInterval, systemPeriodicHold, systemPeriodicRelease,
        systemPeriodicRemove, scheddAddress);
  }

  /**
   * With the SYSTEM_PERIODIC_* expressions and their interval; a null text leaves that
   * expression unset.
   *
   * @throws BadInputException naming the knob when an expression does not parse
   */
  public ScheddConfig withPeriodicPolicy(Duration interval, String hold, String release,
      String remove) {
    return new ScheddConfig(jobStopDelay, jobStopCount, jobStartDelay, jobStartCount,
        maxJobsRunning, maxShadowExceptions, interval, parse("SYSTEM_PERIODIC_HOLD", hold),
        parse("SYSTEM_PERIODIC_RELEASE", release), parse("SYSTEM_PERIODIC_REMOVE", remove),
        scheddAddress);
  }

  private static Optional<Expr> parse(String knob, String text) {
    return text == null ? Optional.empty() : Optional.of(Expr.parse(knob, text));
  }

  private static void nonNegative(String knob, Duration d) {
    Objects.requireNonNull(d, knob);
    if (d.isNegative()) {
      throw new BadInputException(null, 0, knob, "must not be negative, got " + d.toSeconds());
    }
  }

  private static void atLeast(String knob, int value, int min) {
    if (value < min) {
      throw new BadInputException(null, 0, knob, "must be at least " + min + ", got " + value);
    }
  }
}
