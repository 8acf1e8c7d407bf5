package org.pilotpool.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Locale;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class NumbersTest {
  private Locale saved;

  @BeforeEach
  void useALocaleWithDecimalCommas() {
    saved = Locale.getDefault();
    Locale.setDefault(Locale.GERMANY);
  }

  @AfterEach
  void restoreLocale() {
    Locale.setDefault(saved);
  }

  @Test
  void plainWritesWholeNumbersWithoutAFraction() {
    assertEquals("3", Numbers.plain(3.0));
    assertEquals("0", Numbers.plain(-0.0));
    assertEquals("-1300", Numbers.plain(-1300));
  }

  @Test
  void plainWritesTheShortestDecimalWithAPointAndNoExponent() {
    assertEquals("0.1", Numbers.plain(0.1));
    assertEquals("0.00001", Numbers.plain(1e-5));
    assertEquals("12345.678", Numbers.plain(12345.678));
    assertEquals("10000000000000000", Numbers.plain(1e16));
  }

  @Test
  void readableGroupsThousandsAndKeepsThreeSignificantDigits() {
    assertEquals("1,300", Numbers.readable(1300));
    assertEquals("1,234,568", Numbers.readable(1234567.8));
    assertEquals("29.8", Numbers.readable(29.84));
    assertEquals("0.274", Numbers.readable(0.27412));
    assertEquals("500", Numbers.readable(500));
    assertEquals("-12.5", Numbers.readable(-12.5));
    assertEquals("0", Numbers.readable(0));
  }

  @Test
  void notANumberIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> Numbers.plain(Double.NaN));
    assertThrows(IllegalArgumentException.class,
        () -> Numbers.readable(Double.POSITIVE_INFINITY));
  }
}
