package org.pilotpool.negotiator;

import com.typesafe.config.Config;
import java.time.Duration;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.config.Section;
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
    Section c = Section.of(config, SECTION);
    Duration tick = Duration.ofNanos(1);
    return new NegotiatorSettings(
        c.duration("interval", d.interval(), tick),
        c.duration("timeout", d.timeout(), tick),
        c.duration("priority-halflife", d.priorityHalflife(), tick),
        c.decimal("default-prio-factor", d.defaultPrioFactor(), UserPriorities.MIN_PRIO_FACTOR),
        c.expression("slot-constraint").orElse(d.slotConstraint()),
        c.bool("autoclusters", d.autoclusters()));
  }
}
