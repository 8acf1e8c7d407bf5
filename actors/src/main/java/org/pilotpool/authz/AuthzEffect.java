package org.pilotpool.authz;

import java.time.Duration;
import java.util.Objects;

/**
 * What {@link SiteAuthzLogic} asks its host to do after an input.
 *
 * @param <R> how the host addresses a requester (an actor reference in {@link SiteAuthz})
 */
public sealed interface AuthzEffect<R> {

  /** Send {@code reply} to {@code replyTo}. */
  record Reply<R>(R replyTo, AuthzReply reply) implements AuthzEffect<R> {
    public Reply {
      Objects.requireNonNull(reply, "reply");
    }
  }

  /** Start (or restart) timer {@code key} to fire after {@code delay}. */
  record StartTimer<R>(TimerKey key, Duration delay) implements AuthzEffect<R> {
    public StartTimer {
      Objects.requireNonNull(key, "key");
      Objects.requireNonNull(delay, "delay");
    }
  }

  /** Cancel timer {@code key} if it runs. */
  record CancelTimer<R>(TimerKey key) implements AuthzEffect<R> {
    public CancelTimer {
      Objects.requireNonNull(key, "key");
    }
  }
}
