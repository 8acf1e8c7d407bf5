package org.pilotpool.authz;

import java.time.Instant;
import java.util.Objects;

/**
 * A ban or unban entered at {@code at}; the service enforces it {@link
 * SiteAuthzConfig#banPropagationDelay()} later.
 */
public record BanChange(Instant at, Action action, BanTarget target) {

  /** Whether the change adds or lifts the ban. */
  public enum Action {
    BAN,
    UNBAN
  }

  public BanChange {
    Objects.requireNonNull(at, "at");
    Objects.requireNonNull(action, "action");
    Objects.requireNonNull(target, "target");
  }

  public static BanChange ban(Instant at, BanTarget target) {
    return new BanChange(at, Action.BAN, target);
  }

  public static BanChange unban(Instant at, BanTarget target) {
    return new BanChange(at, Action.UNBAN, target);
  }
}
