package org.pilotpool.model.trace;

import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;

/**
 * One whitespace-separated record of a columnar trace (SWF, GWF), with typed access that follows
 * the archives' convention: {@code -1} means unknown, any other negative value is an error.
 */
public final class FieldLine {
  private final String[] fields;
  private final String[] names;

  private FieldLine(String[] fields, String[] names) {
    this.fields = fields;
    this.names = names;
  }

  /**
   * Splits a line on runs of spaces and tabs.
   *
   * @param names the expected fields' names, in order; the count must match
   */
  public static FieldLine split(String line, String[] names) throws RecordRejected {
    String[] out = new String[names.length];
    int n = 0;
    int i = 0;
    int len = line.length();
    while (i < len) {
      while (i < len && isBlank(line.charAt(i))) {
        i++;
      }
      if (i == len) {
        break;
      }
      int start = i;
      while (i < len && !isBlank(line.charAt(i))) {
        i++;
      }
      if (n == out.length) {
        throw wrongCount(names.length, countTokens(line));
      }
      out[n++] = line.substring(start, i);
    }
    if (n != names.length) {
      throw wrongCount(names.length, n);
    }
    return new FieldLine(out, names);
  }

  private static RecordRejected wrongCount(int expected, int actual) {
    return new RecordRejected(TraceProblem.WRONG_FIELD_COUNT, null,
        "expected " + expected + " whitespace-separated fields, found " + actual);
  }

  private static int countTokens(String line) {
    return line.strip().split("[ \t]+").length;
  }

  private static boolean isBlank(char c) {
    return c == ' ' || c == '\t' || c == '\r';
  }

  /** The raw text of a field (0-based index). */
  public String text(int index) {
    return fields[index];
  }

  /** A text field, empty when it is {@code -1}. */
  public Optional<String> optionalText(int index) {
    String s = fields[index];
    return s.equals("-1") ? Optional.empty() : Optional.of(s);
  }

  /** A number that may be unknown ({@code -1}); empty when unknown. */
  public OptionalDouble optionalNumber(int index) throws RecordRejected {
    double v = number(index);
    if (v == -1) {
      return OptionalDouble.empty();
    }
    if (v < 0) {
      throw new RecordRejected(TraceProblem.NEGATIVE_VALUE, names[index],
          "expected -1 (unknown) or a non-negative number, found " + fields[index]);
    }
    return OptionalDouble.of(v);
  }

  /** A number the replay cannot do without. */
  public double requiredNumber(int index) throws RecordRejected {
    OptionalDouble v = optionalNumber(index);
    if (v.isEmpty()) {
      throw new RecordRejected(TraceProblem.MISSING_VALUE, names[index],
          "unknown (-1), but a replay needs it");
    }
    return v.getAsDouble();
  }

  /** A whole number (written as an integer or with a zero fraction), empty when {@code -1}. */
  public OptionalLong optionalWhole(int index) throws RecordRejected {
    OptionalDouble v = optionalNumber(index);
    if (v.isEmpty()) {
      return OptionalLong.empty();
    }
    double d = v.getAsDouble();
    if (d != Math.rint(d) || d > Long.MAX_VALUE) {
      throw new RecordRejected(TraceProblem.BAD_VALUE, names[index],
          "expected a whole number, found " + fields[index]);
    }
    return OptionalLong.of((long) d);
  }

  private double number(int index) throws RecordRejected {
    String s = fields[index];
    long whole = plainInteger(s);
    if (whole != Long.MIN_VALUE) {
      return whole;
    }
    if (!looksNumeric(s)) {
      throw new RecordRejected(TraceProblem.NOT_A_NUMBER, names[index],
          "expected a number, found '" + s + "'");
    }
    try {
      double v = Double.parseDouble(s);
      if (Double.isInfinite(v)) {
        throw new RecordRejected(TraceProblem.BAD_VALUE, names[index], "number out of range: " + s);
      }
      return v;
    } catch (NumberFormatException e) {
      throw new RecordRejected(TraceProblem.NOT_A_NUMBER, names[index],
          "expected a number, found '" + s + "'");
    }
  }

  // Most fields of real traces are short integers; parsing them by hand keeps large traces fast.
  private static long plainInteger(String s) {
    int len = s.length();
    int i = len > 0 && s.charAt(0) == '-' ? 1 : 0;
    if (len == i || len - i > 15) {
      return Long.MIN_VALUE;
    }
    long n = 0;
    for (int k = i; k < len; k++) {
      char c = s.charAt(k);
      if (c < '0' || c > '9') {
        return Long.MIN_VALUE;
      }
      n = n * 10 + (c - '0');
    }
    return i == 1 ? -n : n;
  }

  // Double.parseDouble also takes "NaN", "Infinity", hex and a trailing 'd' or 'f'.
  private static boolean looksNumeric(String s) {
    boolean digit = false;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c >= '0' && c <= '9') {
        digit = true;
      } else if (c != '.' && c != '-' && c != '+' && c != 'e' && c != 'E') {
        return false;
      }
    }
    return digit;
  }
}
