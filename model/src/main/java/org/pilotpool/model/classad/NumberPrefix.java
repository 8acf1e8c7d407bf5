package org.pilotpool.model.classad;

/**
 * Reads the number at the start of a string the way C's {@code strtod} does (leading blanks, a
 * sign, digits, a fraction, an exponent; the rest ignored), which is how HTCondor's {@code int()}
 * and {@code real()} convert strings. Hand-written so that evaluation needs no regex.
 */
final class NumberPrefix {
  private NumberPrefix() {}

  /** The leading number of {@code s}, or NaN when it does not start with one. */
  static double parse(String s) {
    int n = s.length();
    int i = 0;
    while (i < n && Character.isWhitespace(s.charAt(i))) {
      i++;
    }
    int start = i;
    if (i < n && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
      i++;
    }
    int digits = 0;
    while (i < n && isDigit(s.charAt(i))) {
      i++;
      digits++;
    }
    if (i < n && s.charAt(i) == '.') {
      i++;
      while (i < n && isDigit(s.charAt(i))) {
        i++;
        digits++;
      }
    }
    if (digits == 0) {
      return Double.NaN;
    }
    int mantissaEnd = i;
    if (i < n && (s.charAt(i) == 'e' || s.charAt(i) == 'E')) {
      int j = i + 1;
      if (j < n && (s.charAt(j) == '+' || s.charAt(j) == '-')) {
        j++;
      }
      int expStart = j;
      while (j < n && isDigit(s.charAt(j))) {
        j++;
      }
      if (j > expStart) {
        mantissaEnd = j;
      }
    }
    return Double.parseDouble(s.substring(start, mantissaEnd));
  }

  static Value real(String s) {
    double d = parse(s);
    return Double.isNaN(d) ? Value.ERROR : Value.of(d);
  }

  private static boolean isDigit(char c) {
    return c >= '0' && c <= '9';
  }
}
