package org.pilotpool.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class DurationsTest {
  @Test
  void durationsReadAsInScenarioFiles() {
    assertEquals("250ms", Durations.human(Duration.ofMillis(250)));
    assertEquals("40s", Durations.human(Duration.ofSeconds(40)));
    assertEquals("15m", Durations.human(Duration.ofMinutes(15)));
    assertEquals("1h", Durations.human(Duration.ofHours(1)));
    assertEquals("27.1h", Durations.human(Duration.ofSeconds(97_414)));
    assertEquals("7d", Durations.human(Duration.ofDays(7)));
  }
}
