package org.pilotpool.model.negotiation;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.NavigableSet;
import java.util.TreeMap;

/**
 * HTCondor's accountant: per-submitter real priority, priority factor and resource usage.
 *
 * <p>At each {@link #update} the real priority moves toward the submitter's recent usage:
 * {@code p = max(p, MIN_PRIORITY) * beta + usage * (1 - beta)} with
 * {@code beta = 0.5^(dt / PRIORITY_HALFLIFE)}. As in HTCondor's {@code UpdatePriorities}, "usage"
 * is the time average of the slots held over the interval: claims that started or ended between
 * two updates count for the part of the interval they covered (HTCondor's "uncharged time").
 * A submitter's real priority never reads below {@link #MIN_PRIORITY}; a new submitter starts
 * there. The effective priority is real priority times the priority factor; smaller is better.
 *
 * <p>Defaults are HTCondor's: {@code PRIORITY_HALFLIFE} 86400 s, {@code DEFAULT_PRIO_FACTOR}
 * 1000.0 (the manual's "User Priorities and Negotiation"), minimum real priority 0.5 and minimum
 * factor 1.0 ({@code condor_negotiator.V6/Accountant.cpp}). Not modelled: accounting groups,
 * nice-user and remote-user factors, slot weights (each slot weighs 1).
 *
 * <p>Time is always passed in; calls must not go back in time. Not thread-safe.
 */
public final class UserPriorities implements PriorityView {
  /** {@code PRIORITY_HALFLIFE}'s default. */
  public static final Duration DEFAULT_HALFLIFE = Duration.ofSeconds(86_400);

  /** The floor of a real priority, and a new submitter's starting value. */
  public static final double MIN_PRIORITY = 0.5;

  /** {@code DEFAULT_PRIO_FACTOR}'s default. */
  public static final double DEFAULT_PRIO_FACTOR = 1000.0;

  /** HTCondor raises smaller factors to this. */
  public static final double MIN_PRIO_FACTOR = 1.0;

  private static final class Customer {
    double priority = MIN_PRIORITY;
    double factor;
    double resourcesUsed;
    /** Slot-seconds to add to (or, negative, take from) {@code resourcesUsed * dt} at the next update. */
    double unchargedSeconds;
    double accumulatedUsage;
  }

  private final double halflifeSeconds;
  private final double defaultFactor;
  private final TreeMap<String, Customer> customers = new TreeMap<>();
  private Instant lastUpdate;

  /**
   * @param halflife {@code PRIORITY_HALFLIFE}, positive
   * @param defaultPrioFactor {@code DEFAULT_PRIO_FACTOR}, at least 1
   * @param start the instant of the first (empty) update
   */
  public UserPriorities(Duration halflife, double defaultPrioFactor, Instant start) {
    if (halflife.isZero() || halflife.isNegative()) {
      throw new IllegalArgumentException("PRIORITY_HALFLIFE must be positive, got " + halflife);
    }
    if (!(defaultPrioFactor >= MIN_PRIO_FACTOR)) {
      throw new IllegalArgumentException(
          "DEFAULT_PRIO_FACTOR must be at least " + MIN_PRIO_FACTOR + ", got " + defaultPrioFactor);
    }
    this.halflifeSeconds = seconds(halflife);
    this.defaultFactor = defaultPrioFactor;
    this.lastUpdate = start;
  }

  /** HTCondor's defaults: half-life one day, factor 1000. */
  public static UserPriorities withDefaults(Instant start) {
    return new UserPriorities(DEFAULT_HALFLIFE, DEFAULT_PRIO_FACTOR, start);
  }

  /** Ages every submitter's real priority from the last update to {@code now}. */
  public void update(Instant now) {
    double dt = elapsedSince(now);
    if (dt == 0) {
      return;
    }
    double beta = Math.pow(0.5, dt / halflifeSeconds);
    for (Customer c : customers.values()) {
      double recentUsage = c.resourcesUsed + c.unchargedSeconds / dt;
      c.priority = Math.max(c.priority, MIN_PRIORITY) * beta + recentUsage * (1 - beta);
      c.accumulatedUsage += c.resourcesUsed * dt + c.unchargedSeconds;
      c.unchargedSeconds = 0;
    }
    lastUpdate = now;
  }

  /**
   * Sets the slots {@code submitter} holds from {@code now} on. The change is charged from
   * {@code now}, not from the last update.
   */
  public void setResourcesUsed(String submitter, double used, Instant now) {
    if (!(used >= 0)) {
      throw new IllegalArgumentException("resources used must be >= 0, got " + used);
    }
    double sinceUpdate = elapsedSince(now);
    Customer c = customer(submitter);
    c.unchargedSeconds -= (used - c.resourcesUsed) * sinceUpdate;
    c.resourcesUsed = used;
  }

  /**
   * Charges {@code submitter} {@code slotSeconds} for the slots held since the last update, as
   * counted where the claims are kept, in place of what the resources used would charge; from
   * {@code now} on the submitter holds {@code heldNow}. Call before the {@link #update} at
   * {@code now}.
   */
  public void charge(String submitter, double slotSeconds, double heldNow, Instant now) {
    if (!(slotSeconds >= 0) || !(heldNow >= 0)) {
      throw new IllegalArgumentException(
          "usage must be >= 0, got " + slotSeconds + " slot-seconds and " + heldNow + " held");
    }
    Customer c = customer(submitter);
    // update() charges resourcesUsed * dt + unchargedSeconds: together exactly slotSeconds.
    c.unchargedSeconds = slotSeconds - heldNow * elapsedSince(now);
    c.resourcesUsed = heldNow;
  }

  /** A new match for {@code submitter} at {@code now}: one more slot in use (HTCondor's AddMatch). */
  public void addMatch(String submitter, Instant now) {
    setResourcesUsed(submitter, resourcesUsed(submitter) + 1, now);
  }

  /** {@code condor_userprio -setfactor}: factors below 1 are raised to 1, as HTCondor does. */
  public void setPriorityFactor(String submitter, double factor) {
    if (Double.isNaN(factor)) {
      throw new IllegalArgumentException("priority factor is NaN");
    }
    customer(submitter).factor = Math.max(factor, MIN_PRIO_FACTOR);
  }

  /** {@code condor_userprio -setprio}: the real priority, floored at {@link #MIN_PRIORITY}. */
  public void setRealPriority(String submitter, double priority) {
    if (Double.isNaN(priority)) {
      throw new IllegalArgumentException("priority is NaN");
    }
    customer(submitter).priority = Math.max(priority, MIN_PRIORITY);
  }

  public double realPriority(String submitter) {
    Customer c = customers.get(submitter);
    return c == null ? MIN_PRIORITY : Math.max(c.priority, MIN_PRIORITY);
  }

  public double priorityFactor(String submitter) {
    Customer c = customers.get(submitter);
    return c == null ? defaultFactor : c.factor;
  }

  @Override
  public double effectivePriority(String submitter) {
    return realPriority(submitter) * priorityFactor(submitter);
  }

  @Override
  public double resourcesUsed(String submitter) {
    Customer c = customers.get(submitter);
    return c == null ? 0 : c.resourcesUsed;
  }

  /** Slot-seconds charged to {@code submitter} up to the last update. */
  public double accumulatedUsage(String submitter) {
    Customer c = customers.get(submitter);
    return c == null ? 0 : c.accumulatedUsage;
  }

  /** Submitters the accountant has a record of, by name. */
  public NavigableSet<String> submitters() {
    return Collections.unmodifiableNavigableSet(customers.navigableKeySet());
  }

  public Instant lastUpdate() {
    return lastUpdate;
  }

  private Customer customer(String submitter) {
    return customers.computeIfAbsent(submitter, s -> {
      Customer c = new Customer();
      c.factor = defaultFactor;
      return c;
    });
  }

  private double elapsedSince(Instant now) {
    double dt = seconds(Duration.between(lastUpdate, now));
    if (dt < 0) {
      throw new IllegalArgumentException(
          "accountant time went back from " + lastUpdate + " to " + now);
    }
    return dt;
  }

  private static double seconds(Duration d) {
    return d.getSeconds() + d.getNano() / 1e9;
  }
}
