package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Runs a {@link SiteAuthzLogic} in virtual time for tests: keeps its timers the way Pekko's
 * single timers behave (restarting a key replaces it) and fires them in due order, ties by start
 * order.
 */
final class LogicDriver {
  /** A reply and the instant it was sent. */
  record Delivered(Instant at, String to, AuthzReply reply) {}

  private record Due(Instant at, long seq) implements Comparable<Due> {
    @Override
    public int compareTo(Due o) {
      int c = at.compareTo(o.at);
      return c != 0 ? c : Long.compare(seq, o.seq);
    }
  }

  final SiteAuthzLogic<String> logic;
  final List<Delivered> replies = new ArrayList<>();
  private final TreeMap<Due, TimerKey> timers = new TreeMap<>();
  private final Map<TimerKey, Due> byKey = new HashMap<>();
  private long seq;
  private Instant now;

  LogicDriver(SiteAuthzConfig config, long seed, Instant start) {
    logic = new SiteAuthzLogic<>(config, new SplittableRandom(seed), start);
    now = start;
    apply(logic.onStart());
  }

  Instant now() {
    return now;
  }

  void request(String requestId, String identity, List<String> fqans) {
    request(new AuthzRequest(requestId, identity, fqans, null));
  }

  void request(AuthzRequest request) {
    apply(logic.onRequest(now, request, request.requestId()));
  }

  void banChange(BanChange change) {
    apply(logic.onBanChange(now, change));
  }

  /** Fires every timer due up to {@code t}, then sets the clock to {@code t}. */
  void runUntil(Instant t) {
    while (!timers.isEmpty() && !timers.firstKey().at().isAfter(t)) {
      step();
    }
    now = t;
  }

  void runFor(Duration d) {
    runUntil(now.plus(d));
  }

  /** Fires timers until {@code done} holds or none is left; returns whether it holds. */
  boolean runUntil(BooleanSupplier done) {
    while (!done.getAsBoolean()) {
      if (timers.isEmpty()) {
        return false;
      }
      step();
    }
    return true;
  }

  void runAll() {
    while (!timers.isEmpty()) {
      step();
    }
  }

  /** The one reply to {@code requestId}; fails if there is none or several. */
  Delivered replyTo(String requestId) {
    List<Delivered> found = replies.stream().filter(d -> d.to().equals(requestId)).toList();
    if (found.size() != 1) {
      throw new AssertionError("expected one reply to " + requestId + ", got " + found);
    }
    return found.get(0);
  }

  AuthzDecision decisionFor(String requestId) {
    return replyTo(requestId).reply().decision();
  }

  boolean answered(String requestId) {
    return replies.stream().anyMatch(d -> d.to().equals(requestId));
  }

  private void step() {
    Map.Entry<Due, TimerKey> next = timers.pollFirstEntry();
    byKey.remove(next.getValue());
    now = next.getKey().at();
    apply(logic.onTimer(now, next.getValue()));
  }

  private void apply(List<AuthzEffect<String>> effects) {
    for (AuthzEffect<String> effect : effects) {
      if (effect instanceof AuthzEffect.Reply<String> r) {
        replies.add(new Delivered(now, r.replyTo(), r.reply()));
      } else if (effect instanceof AuthzEffect.StartTimer<String> s) {
        cancel(s.key());
        Due due = new Due(now.plus(s.delay()), seq++);
        timers.put(due, s.key());
        byKey.put(s.key(), due);
      } else if (effect instanceof AuthzEffect.CancelTimer<String> c) {
        cancel(c.key());
      }
    }
  }

  private void cancel(TimerKey key) {
    Due old = byKey.remove(key);
    if (old != null) {
      timers.remove(old);
    }
  }
}
