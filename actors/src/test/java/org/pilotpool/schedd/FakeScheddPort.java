package org.pilotpool.schedd;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.job.JobQueueEvent;

/** A fake clock and port: timers fire when the test advances time, effects are recorded. */
final class FakeScheddPort implements ScheddPort, InstantSource {
  static final Instant EPOCH = Instant.parse("2026-03-01T12:00:00Z");

  private Instant now = EPOCH;
  private final Map<ScheddTimer, Instant> timers = new EnumMap<>(ScheddTimer.class);
  final List<ScheddEffect> effects = new ArrayList<>();
  ScheddLogic logic;

  @Override
  public Instant instant() {
    return now;
  }

  @Override
  public void startTimer(ScheddTimer timer, Duration delay) {
    timers.put(timer, now.plus(delay));
  }

  @Override
  public void cancelTimer(ScheddTimer timer) {
    timers.remove(timer);
  }

  @Override
  public void emit(ScheddEffect effect) {
    effects.add(effect);
  }

  /** Advances the clock by {@code d}, firing due timers in due order (ties in enum order). */
  void advance(Duration d) {
    Instant end = now.plus(d);
    while (true) {
      ScheddTimer next = null;
      for (Map.Entry<ScheddTimer, Instant> e : timers.entrySet()) {
        if (!e.getValue().isAfter(end)
            && (next == null || e.getValue().isBefore(timers.get(next)))) {
          next = e.getKey();
        }
      }
      if (next == null) {
        break;
      }
      now = timers.remove(next);
      logic.timerFired(next);
    }
    now = end;
  }

  /** Fires what is due now (zero-delay timers). */
  void settle() {
    advance(Duration.ZERO);
  }

  <T extends ScheddEffect> List<T> effects(Class<T> type) {
    return effects.stream().filter(type::isInstance).map(type::cast).toList();
  }

  List<JobEvent> userLog() {
    return effects(ScheddEffect.UserLog.class).stream().map(ScheddEffect.UserLog::event).toList();
  }

  List<JobQueueEvent> queueEvents() {
    return effects(ScheddEffect.QueueChanged.class).stream()
        .map(ScheddEffect.QueueChanged::event).toList();
  }

  Duration sinceEpoch() {
    return Duration.between(EPOCH, now);
  }
}
