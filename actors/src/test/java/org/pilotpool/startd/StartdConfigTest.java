package org.pilotpool.startd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

class StartdConfigTest {
  private static StartdConfig read(String text) {
    return StartdConfig.fromConfig(ConfigFactory.parseString(text,
        ConfigParseOptions.defaults().setOriginDescription("pool.conf")));
  }

  @Test
  void claimWorklifeDefaultsTo1200Seconds() {
    assertEquals(Duration.ofSeconds(1200), read("").claimWorklife());
  }

  @Test
  void minusOneMeansAnInfiniteWorklife() {
    assertEquals(true, read("pilotpool.startd.claim-worklife = -1").claimWorklife().isNegative());
  }

  @Test
  void startAndExecuteAreRead() {
    StartdConfig c = read("pilotpool.startd { start = \"Owner == \\\"alice\\\"\"\n"
        + " execute = /scratch/condor }");

    assertEquals("/scratch/condor", c.executeDir());
    assertEquals(StartdConfig.defaults().claimWorklife(), c.claimWorklife());
  }

  @Test
  void aWorklifeBelowMinusOneIsRejectedWithItsLine() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> read("\n\npilotpool.startd.claim-worklife = -5"));

    assertEquals("pilotpool.startd.claim-worklife", e.key().orElseThrow());
    assertEquals(3, e.line());
  }

  @Test
  void aRelativeExecuteDirectoryIsRejected() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> read("pilotpool.startd.execute = scratch"));

    assertEquals("pilotpool.startd.execute", e.key().orElseThrow());
  }
}
