package org.pilotpool.schedd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

class ScheddConfigTest {
  @Test
  void defaultsAreHtcondor88s() {
    ScheddConfig c = ScheddConfig.defaults();
    assertEquals(Duration.ZERO, c.jobStopDelay());
    assertEquals(1, c.jobStopCount());
    assertEquals(Duration.ZERO, c.jobStartDelay());
    assertEquals(1, c.jobStartCount());
    assertEquals(5, c.maxShadowExceptions());
    assertEquals(Duration.ofSeconds(60), c.periodicExprInterval());
  }

  @Test
  void glideinWmsRecommendationSpreadsStopsAndStarts() {
    ScheddConfig c = ScheddConfig.glideinWmsRecommended();
    assertEquals(Duration.ofSeconds(1), c.jobStopDelay());
    assertEquals(30, c.jobStopCount());
    assertEquals(Duration.ofSeconds(2), c.jobStartDelay());
    assertEquals(50, c.jobStartCount());
    assertEquals(6000, c.maxJobsRunning());
  }

  @Test
  void zeroJobStopCountIsRejectedNamingTheKnob() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> ScheddConfig.defaults().withJobStop(Duration.ofSeconds(1), 0));
    assertEquals(Optional.of("JOB_STOP_COUNT"), e.key());
  }

  @Test
  void unparseableSystemPeriodicReleaseIsRejectedNamingTheKnob() {
    BadInputException e = assertThrows(BadInputException.class, () -> ScheddConfig.defaults()
        .withPeriodicPolicy(Duration.ofSeconds(60), null, "HoldReasonCode ==", null));
    assertEquals(Optional.of("SYSTEM_PERIODIC_RELEASE"), e.key());
  }
}
