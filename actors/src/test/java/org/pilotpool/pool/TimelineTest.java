package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.schedd.JobSelector;

class TimelineTest {
  private static ScheduledAction releaseAt(long seconds, String reason) {
    return new ScheduledAction(Duration.ofSeconds(seconds),
        new PoolAction.Release(new JobSelector.ByOwner("alice"), reason));
  }

  private static String reason(PoolAction action) {
    return ((PoolAction.Release) action).reason();
  }

  @Test
  void actionsFallDueInOffsetOrderAndTiesKeepTheGivenOrder() {
    Timeline timeline = new Timeline(List.of(
        releaseAt(20, "c"), releaseAt(10, "a"), releaseAt(20, "d"), releaseAt(10, "b")));

    assertEquals(Optional.of(Duration.ofSeconds(10)), timeline.next());
    assertEquals(List.of("a", "b"),
        timeline.dueBy(Duration.ofSeconds(10)).stream().map(TimelineTest::reason).toList());
    assertEquals(Optional.of(Duration.ofSeconds(20)), timeline.next());
    assertEquals(List.of(), timeline.dueBy(Duration.ofSeconds(19)));
    assertEquals(List.of("c", "d"),
        timeline.dueBy(Duration.ofSeconds(25)).stream().map(TimelineTest::reason).toList());
    assertEquals(Optional.empty(), timeline.next());
  }
}
