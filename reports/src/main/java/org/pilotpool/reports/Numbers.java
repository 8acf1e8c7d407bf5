package org.pilotpool.reports;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;

/** Number formatting that never depends on the default locale, so output is byte-stable. */
public final class Numbers {
  private Numbers() {}

  /**
   * The shortest decimal that reads back as {@code value}, never in exponent notation: for CSV
   * and JSON consumers. {@code 3.0} is written {@code 3}, {@code -0.0} as {@code 0}.
   */
  public static String plain(double value) {
    requireFinite(value);
    if (value == Math.rint(value) && Math.abs(value) < 1e15) {
      return Long.toString((long) value);
    }
    return BigDecimal.valueOf(value).stripTrailingZeros().toPlainString();
  }

  /**
   * For people: three significant digits (all digits of whole numbers), thousands separated by
   * commas, e.g. {@code 1,300}, {@code 0.274}, {@code 12.5}.
   */
  public static String readable(double value) {
    requireFinite(value);
    BigDecimal d = BigDecimal.valueOf(value);
    if (d.abs().compareTo(BigDecimal.valueOf(1000)) >= 0) {
      d = d.setScale(0, RoundingMode.HALF_EVEN);
    } else if (d.signum() != 0) {
      d = d.round(new MathContext(3, RoundingMode.HALF_EVEN));
    }
    String s = d.signum() == 0 ? "0" : d.stripTrailingZeros().toPlainString();
    boolean negative = s.startsWith("-");
    String digits = negative ? s.substring(1) : s;
    int dot = digits.indexOf('.');
    String whole = dot < 0 ? digits : digits.substring(0, dot);
    String fraction = dot < 0 ? "" : digits.substring(dot);
    StringBuilder grouped = new StringBuilder();
    for (int i = 0; i < whole.length(); i++) {
      if (i > 0 && (whole.length() - i) % 3 == 0) {
        grouped.append(',');
      }
      grouped.append(whole.charAt(i));
    }
    return (negative ? "-" : "") + grouped + fraction;
  }

  private static void requireFinite(double value) {
    if (!Double.isFinite(value)) {
      throw new IllegalArgumentException("not a finite number: " + value);
    }
  }
}
