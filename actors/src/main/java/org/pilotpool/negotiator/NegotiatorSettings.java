package org.pilotpool.negotiator;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.negotiation.UserPriorities;

/**
 * The negotiator's knobs.
 *
 * @param interval {@code NEGOTIATOR_INTERVAL}: time from one cycle's start to the next (60 s)
 * @param timeout {@code NEGOTIATOR_TIMEOUT}: how long a cycle waits for schedds' idle jobs (30 s)
 * @param priorityHalflife {@code PRIORITY_HALFLIFE} (86400 s)
 * @param defaultPrioFactor {@code DEFAULT_PRIO_FACTOR} (1000)
 * @param slotConstraint {@code NEGOTIATOR_SLOT_CONSTRAINT}: which slot ads the negotiator fetches
 *     (all by default); only the Unclaimed ones among them are matched
 * @param autoclusters match by autocluster (true) or job by job (false, the reference loop)
 */
public record NegotiatorSettings(
    Duration interval,
    Duration timeout,
    Duration priorityHalflife,
    double defaultPrioFactor,
    Expr slotConstraint,
    boolean autoclusters) {

  /** The configuration section these settings are read from. */
  public static final String SECTION = "pilotpool.negotiator";

  /** HTCondor's defaults. */
  public static NegotiatorSettings defaults() {
    return new NegotiatorSettings(Duration.ofSeconds(60), Duration.ofSeconds(30),
        UserPriorities.DEFAULT_HALFLIFE, UserPriorities.DEFAULT_PRIO_FACTOR,
        Expr.parse("NEGOTIATOR_SLOT_CONSTRAINT", "true"), true);
  }

  /**
   * Reads {@code pilotpool.negotiator.{interval, timeout, priority-halflife, default-prio-factor,
   * slot-constraint, autoclusters}}; absent keys keep the defaults.
   *
   * @throws BadInputException naming the key and what was expected
   */
  public static NegotiatorSettings fromConfig(Config config) {
    NegotiatorSettings d = defaults();
    if (!config.hasPath(SECTION)) {
      return d;
    }
    Config c = config.getConfig(SECTION);
    try {
      Duration interval = c.hasPath("interval") ? positive(c, "interval") : d.interval();
      Duration timeout = c.hasPath("timeout") ? positive(c, "timeout") : d.timeout();
      Duration halflife =
          c.hasPath("priority-halflife") ? positive(c, "priority-halflife") : d.priorityHalflife();
      double factor = d.defaultPrioFactor();
      if (c.hasPath("default-prio-factor")) {
        factor = c.getDouble("default-prio-factor");
        if (!(factor >= UserPriorities.MIN_PRIO_FACTOR)) {
          throw bad(c, "default-prio-factor", "expected a number of at least 1, got " + factor);
        }
      }
      Expr constraint = c.hasPath("slot-constraint")
          ? Expr.parse(SECTION + ".slot-constraint", c.getString("slot-constraint"))
          : d.slotConstraint();
      boolean autoclusters = c.hasPath("autoclusters") ? c.getBoolean("autoclusters") : d.autoclusters();
      return new NegotiatorSettings(interval, timeout, halflife, factor, constraint, autoclusters);
    } catch (ConfigException e) {
      throw new BadInputException(
          e.origin() == null ? null : e.origin().description(),
          e.origin() == null ? 0 : Math.max(e.origin().lineNumber(), 0),
          SECTION, e.getMessage());
    }
  }

  private static Duration positive(Config c, String key) {
    Duration v = c.getDuration(key);
    if (v.isZero() || v.isNegative()) {
      throw bad(c, key, "expected a positive duration such as \"60 s\", got " + v);
    }
    return v;
  }

  private static BadInputException bad(Config c, String key, String problem) {
    var origin = c.getValue(key).origin();
    return new BadInputException(origin.description(), Math.max(origin.lineNumber(), 0),
        SECTION + "." + key, problem);
  }
}
