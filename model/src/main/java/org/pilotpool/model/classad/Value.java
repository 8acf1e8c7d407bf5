package org.pilotpool.model.classad;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.List;
import java.util.Locale;

/**
 * The result of evaluating a ClassAd expression: UNDEFINED, ERROR, a boolean, a 64-bit integer, a
 * real, a string or a list of values. Immutable; the common values (the four constants and small
 * integers) are shared so that evaluation on the matchmaking hot path rarely allocates.
 *
 * <p>{@link #equals(Object)} is identity of type and value, like the meta-operator {@code =?=}:
 * {@code 1} and {@code 1.0} differ, strings compare case-sensitively.
 */
public final class Value {

  /** The kinds of ClassAd values this subset supports. */
  public enum Type {
    UNDEFINED,
    ERROR,
    BOOLEAN,
    INTEGER,
    REAL,
    STRING,
    LIST
  }

  public static final Value UNDEFINED = new Value(Type.UNDEFINED, 0, 0, null, null);
  public static final Value ERROR = new Value(Type.ERROR, 0, 0, null, null);
  public static final Value TRUE = new Value(Type.BOOLEAN, 1, 0, null, null);
  public static final Value FALSE = new Value(Type.BOOLEAN, 0, 0, null, null);

  private static final int CACHE_LOW = -128;
  private static final int CACHE_HIGH = 1024;
  private static final Value[] SMALL_INTS = new Value[CACHE_HIGH - CACHE_LOW + 1];

  static {
    for (int i = 0; i < SMALL_INTS.length; i++) {
      SMALL_INTS[i] = new Value(Type.INTEGER, i + CACHE_LOW, 0, null, null);
    }
  }

  private final Type type;
  private final long integer;
  private final double real;
  private final String string;
  private final List<Value> list;

  private Value(Type type, long integer, double real, String string, List<Value> list) {
    this.type = type;
    this.integer = integer;
    this.real = real;
    this.string = string;
    this.list = list;
  }

  public static Value of(boolean b) {
    return b ? TRUE : FALSE;
  }

  public static Value of(long i) {
    if (i >= CACHE_LOW && i <= CACHE_HIGH) {
      return SMALL_INTS[(int) i - CACHE_LOW];
    }
    return new Value(Type.INTEGER, i, 0, null, null);
  }

  public static Value of(double r) {
    return new Value(Type.REAL, 0, r, null, null);
  }

  public static Value of(String s) {
    if (s == null) {
      throw new NullPointerException("string value");
    }
    return new Value(Type.STRING, 0, 0, s, null);
  }

  public static Value list(List<Value> elements) {
    return new Value(Type.LIST, 0, 0, null, List.copyOf(elements));
  }

  public Type type() {
    return type;
  }

  public boolean isUndefined() {
    return type == Type.UNDEFINED;
  }

  public boolean isError() {
    return type == Type.ERROR;
  }

  /** UNDEFINED or ERROR: the values strict operators pass through. */
  public boolean isExceptional() {
    return type == Type.UNDEFINED || type == Type.ERROR;
  }

  public boolean isBoolean() {
    return type == Type.BOOLEAN;
  }

  public boolean isInteger() {
    return type == Type.INTEGER;
  }

  public boolean isReal() {
    return type == Type.REAL;
  }

  /** An integer or a real. */
  public boolean isNumber() {
    return type == Type.INTEGER || type == Type.REAL;
  }

  public boolean isString() {
    return type == Type.STRING;
  }

  public boolean isList() {
    return type == Type.LIST;
  }

  /** True only for the boolean {@code true} (not for non-zero numbers). */
  public boolean isTrue() {
    return this == TRUE;
  }

  /** The boolean value; throws if this is not a boolean. */
  public boolean asBoolean() {
    require(Type.BOOLEAN);
    return integer != 0;
  }

  /** The integer value; throws if this is not an integer. */
  public long asLong() {
    require(Type.INTEGER);
    return integer;
  }

  /** The numeric value of an integer or a real; throws otherwise. */
  public double asDouble() {
    if (type == Type.INTEGER) {
      return integer;
    }
    require(Type.REAL);
    return real;
  }

  /** The string value; throws if this is not a string. */
  public String asString() {
    require(Type.STRING);
    return string;
  }

  /** The elements of a list; throws if this is not a list. */
  public List<Value> asList() {
    require(Type.LIST);
    return list;
  }

  private void require(Type wanted) {
    if (type != wanted) {
      throw new IllegalStateException("value " + this + " is " + type + ", not " + wanted);
    }
  }

  /**
   * HTCondor's "boolean equivalent" test used by {@code &&}, {@code ||}, {@code !} and {@code ?:}:
   * booleans as they are, numbers true when non-zero. Returns 1 for true, 0 for false, -1 when the
   * value has no boolean meaning.
   */
  int booleanEquivalent() {
    switch (type) {
      case BOOLEAN:
      case INTEGER:
        return integer != 0 ? 1 : 0;
      case REAL:
        return real != 0.0 ? 1 : 0;
      default:
        return -1;
    }
  }

  long rawLong() {
    return integer;
  }

  double rawDouble() {
    return real;
  }

  String rawString() {
    return string;
  }

  List<Value> rawList() {
    return list;
  }

  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof Value)) {
      return false;
    }
    Value v = (Value) o;
    if (v.type != type) {
      return false;
    }
    switch (type) {
      case BOOLEAN:
      case INTEGER:
        return v.integer == integer;
      case REAL:
        return Double.compare(v.real, real) == 0;
      case STRING:
        return v.string.equals(string);
      case LIST:
        return v.list.equals(list);
      default:
        return true;
    }
  }

  @Override
  public int hashCode() {
    switch (type) {
      case BOOLEAN:
      case INTEGER:
        return Long.hashCode(integer) * 31 + type.ordinal();
      case REAL:
        return Double.hashCode(real);
      case STRING:
        return string.hashCode();
      case LIST:
        return list.hashCode();
      default:
        return type.ordinal();
    }
  }

  /** The value as a ClassAd literal, e.g. {@code "a\"b"}, {@code 1.5}, {@code { 1,2 }}. */
  @Override
  public String toString() {
    StringBuilder sb = new StringBuilder();
    appendLiteral(sb, false);
    return sb.toString();
  }

  /**
   * Appends this value in ClassAd syntax. With {@code oldSyntax} strings use the old ClassAd
   * escaping that {@code condor_q -l} prints (only {@code "} is escaped); otherwise the new ClassAd
   * escapes.
   */
  void appendLiteral(StringBuilder sb, boolean oldSyntax) {
    switch (type) {
      case UNDEFINED:
        sb.append("undefined");
        break;
      case ERROR:
        sb.append("error");
        break;
      case BOOLEAN:
        sb.append(integer != 0 ? "true" : "false");
        break;
      case INTEGER:
        sb.append(integer);
        break;
      case REAL:
        sb.append(formatReal(real));
        break;
      case STRING:
        appendQuoted(sb, string, oldSyntax);
        break;
      case LIST:
        sb.append("{ ");
        for (int i = 0; i < list.size(); i++) {
          if (i > 0) {
            sb.append(',');
          }
          list.get(i).appendLiteral(sb, oldSyntax);
        }
        sb.append(" }");
        break;
      default:
        throw new IllegalStateException(type.toString());
    }
  }

  static void appendQuoted(StringBuilder sb, String s, boolean oldSyntax) {
    sb.append('"');
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '"') {
        sb.append("\\\"");
      } else if (oldSyntax) {
        sb.append(c);
      } else {
        switch (c) {
          case '\\':
            sb.append("\\\\");
            break;
          case '\n':
            sb.append("\\n");
            break;
          case '\t':
            sb.append("\\t");
            break;
          case '\r':
            sb.append("\\r");
            break;
          case '\b':
            sb.append("\\b");
            break;
          case '\f':
            sb.append("\\f");
            break;
          default:
            if (c < 0x20 || c == 0x7f) {
              sb.append(String.format(Locale.ROOT, "\\%03o", (int) c));
            } else {
              sb.append(c);
            }
        }
      }
    }
    sb.append('"');
  }

  /**
   * A real as HTCondor prints it in ads: C's {@code %.16G} (16 significant digits, trailing zeros
   * dropped), with {@code .0} added when the result would read as an integer. Infinities and NaN
   * print as {@code real("INF")} etc., as HTCondor does.
   */
  static String formatReal(double r) {
    if (Double.isNaN(r)) {
      return "real(\"NaN\")";
    }
    if (Double.isInfinite(r)) {
      return r > 0 ? "real(\"INF\")" : "real(\"-INF\")";
    }
    if (r == 0.0) {
      return (1 / r < 0) ? "-0.0" : "0.0";
    }
    BigDecimal bd = new BigDecimal(r).round(new MathContext(16));
    int exponent = bd.precision() - bd.scale() - 1;
    String out;
    if (exponent < -4 || exponent >= 16) {
      BigDecimal mantissa = bd.movePointLeft(exponent).stripTrailingZeros();
      String m = mantissa.toPlainString();
      String sign = exponent < 0 ? "-" : "+";
      int abs = Math.abs(exponent);
      out = m + "E" + sign + (abs < 10 ? "0" : "") + abs;
    } else {
      out = bd.stripTrailingZeros().toPlainString();
    }
    if (out.indexOf('.') < 0 && out.indexOf('E') < 0) {
      out = out + ".0";
    }
    return out;
  }

  /**
   * The string form {@code string()} and {@code strcat()} give a non-string value (HTCondor's
   * convertValueToStringValue): reals in C's {@code %1.15E}, lists unparsed.
   */
  String convertToString() {
    switch (type) {
      case STRING:
        return string;
      case REAL:
        if (Double.isNaN(real) || Double.isInfinite(real)) {
          return formatReal(real);
        }
        if (real == 0.0) {
          return (1 / real < 0) ? "-0.0" : "0.0";
        }
        return String.format(Locale.ROOT, "%.15E", real);
      default:
        return toString();
    }
  }
}
