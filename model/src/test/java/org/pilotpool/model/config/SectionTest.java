package org.pilotpool.model.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;

class SectionTest {
  private enum Mode { SPREE, SIGNAL_ROOT }

  private static Section section(String text) {
    return Section.of(ConfigFactory.parseString(text,
        ConfigParseOptions.defaults().setOriginDescription("site.conf")), "pilotpool.procd");
  }

  @Test
  void absentKeysReadAsTheirFallbacks() {
    Section s = section("");
    assertEquals(Duration.ofSeconds(5), s.duration("delay", Duration.ofSeconds(5), Duration.ZERO));
    assertEquals(Mode.SPREE, s.choice("kill-mode", Mode.class, Mode.SPREE));
    assertEquals(true, s.expression("start").isEmpty());
  }

  @Test
  void choicesAreWrittenWithDashesInAnyCase() {
    assertEquals(Mode.SIGNAL_ROOT, section("pilotpool.procd.kill-mode = Signal-Root")
        .choice("kill-mode", Mode.class, Mode.SPREE));
  }

  @Test
  void aValueBelowItsMinimumNamesFileLineAndKey() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> section("pilotpool {\n  procd {\n    count = 0\n  }\n}").integer("count", 1, 1));
    assertEquals("site.conf:3: pilotpool.procd.count: expected a whole number of at least 1, got 0",
        e.oneLine());
  }

  @Test
  void aValueOfTheWrongKindSaysWhatWasExpected() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> section("pilotpool.procd.delay = soon").duration("delay", Duration.ZERO, Duration.ZERO));
    assertEquals("pilotpool.procd.delay", e.key().orElseThrow());
    assertTrue(e.problem().contains("duration"), e.problem());
  }

  @Test
  void aDurationThatMustBeMoreThanZeroSaysSo() {
    assertEquals("expected a positive duration, got 0 s", delayProblem("0s", Duration.ofNanos(1)));
  }

  @Test
  void aDurationBelowItsMinimumShowsBothToTheDigitsThatMatter() {
    assertEquals("expected a duration of at least 1.5 s, got 0.25 s",
        delayProblem("250ms", Duration.ofMillis(1500)));
  }

  /** What reading {@code procd.delay = text} against {@code min} is told. */
  private static String delayProblem(String text, Duration min) {
    return assertThrows(BadInputException.class,
        () -> section("pilotpool.procd.delay = " + text).duration("delay", Duration.ofSeconds(5),
            min)).problem();
  }
}
