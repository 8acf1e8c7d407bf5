package org.pilotpool.authz;

/**
 * The timers {@link SiteAuthzLogic} asks for. Starting a timer whose key is already running
 * replaces it, as Pekko's {@code TimerScheduler} does.
 */
public sealed interface TimerKey {

  /** Timers of which at most one runs at a time. */
  enum Tick implements TimerKey {
    /** The earliest deadline of an unanswered request. */
    TIMEOUT,
    /** The next scheduled change: a ban taking effect or an outage starting. */
    SCHEDULE
  }

  /** The worker serving request {@code ticket} finishes. */
  record ServiceDone(long ticket) implements TimerKey {}

  /** The connection attempt of request {@code ticket}, made during an outage, gives up. */
  record ConnectFailed(long ticket) implements TimerKey {}
}
