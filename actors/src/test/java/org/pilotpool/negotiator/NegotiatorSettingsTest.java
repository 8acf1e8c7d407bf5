package org.pilotpool.negotiator;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

class NegotiatorSettingsTest {
  @Test
  void defaultsAreHtcondors() {
    NegotiatorSettings d = NegotiatorSettings.defaults();
    assertEquals(Duration.ofSeconds(60), d.interval());
    assertEquals(Duration.ofSeconds(30), d.timeout());
    assertEquals(Duration.ofSeconds(86400), d.priorityHalflife());
    assertEquals(1000.0, d.defaultPrioFactor());
    assertTrue(d.autoclusters());
  }

  @Test
  void configuredKeysOverrideTheDefaults() {
    NegotiatorSettings s = NegotiatorSettings.fromConfig(ConfigFactory.parseString(
        "pilotpool.negotiator { interval = 20 s, default-prio-factor = 1, autoclusters = false }"));
    assertEquals(Duration.ofSeconds(20), s.interval());
    assertEquals(1.0, s.defaultPrioFactor());
    assertFalse(s.autoclusters());
  }

  @Test
  void nonPositiveIntervalIsABadInputNamingTheKey() {
    BadInputException e = assertThrows(BadInputException.class, () -> NegotiatorSettings.fromConfig(
        ConfigFactory.parseString("pilotpool.negotiator.interval = 0 s")));
    assertTrue(e.oneLine().contains("pilotpool.negotiator.interval"), e.oneLine());
  }
}
