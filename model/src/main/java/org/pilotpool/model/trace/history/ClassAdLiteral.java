package org.pilotpool.model.trace.history;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads the right-hand side of a long-form {@code Attr = value} line. Strings follow the old
 * ClassAd syntax HTCondor uses in long form: {@code \"} is a quote, {@code \\} a backslash,
 * {@code \n \t \r} control characters, and any other backslash is kept as written.
 */
public final class ClassAdLiteral {
  private static final Pattern INTEGER = Pattern.compile("[+-]?\\d+");
  private static final Pattern REAL =
      Pattern.compile("[+-]?(\\d+\\.\\d*|\\.\\d+|\\d+)([eE][+-]?\\d+)?");

  private ClassAdLiteral() {}

  public static AdValue parse(String text) {
    String s = text.strip();
    if (s.length() >= 2 && s.charAt(0) == '"') {
      String str = string(s);
      if (str != null) {
        return new AdValue.Str(str);
      }
      return new AdValue.Expression(s);
    }
    switch (s.toLowerCase(Locale.ROOT)) {
      case "true":
        return new AdValue.Bool(true);
      case "false":
        return new AdValue.Bool(false);
      case "undefined":
        return new AdValue.Undefined();
      case "error":
        return new AdValue.Error();
      default:
        break;
    }
    if (INTEGER.matcher(s).matches()) {
      try {
        return new AdValue.Int(Long.parseLong(s));
      } catch (NumberFormatException e) {
        return new AdValue.Real(Double.parseDouble(s));
      }
    }
    if (REAL.matcher(s).matches()) {
      return new AdValue.Real(Double.parseDouble(s));
    }
    return new AdValue.Expression(s);
  }

  /** The unescaped string when {@code s} is exactly one quoted literal, else null. */
  private static String string(String s) {
    StringBuilder sb = new StringBuilder(s.length());
    for (int i = 1; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        return i == s.length() - 1 ? sb.toString() : null;
      }
      if (c == '\\' && i + 1 < s.length()) {
        char n = s.charAt(++i);
        switch (n) {
          case '"' -> sb.append('"');
          case '\\' -> sb.append('\\');
          case 'n' -> sb.append('\n');
          case 't' -> sb.append('\t');
          case 'r' -> sb.append('\r');
          default -> sb.append('\\').append(n);
        }
      } else {
        sb.append(c);
      }
    }
    return null;
  }
}
