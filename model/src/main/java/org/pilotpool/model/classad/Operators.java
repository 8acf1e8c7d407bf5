package org.pilotpool.model.classad;

/**
 * The value semantics of the ClassAd operators, following HTCondor's {@code operators.cpp}:
 * strict operators pass ERROR (checked first) and UNDEFINED through; booleans promote to integers
 * in arithmetic and ordering; integers promote to reals when mixed; {@code ==} and the ordering
 * operators compare strings case-insensitively, {@code =?=} case-sensitively and without any type
 * promotion; {@code &&} and {@code ||} are non-strict three-valued logic.
 */
final class Operators {
  private Operators() {}

  static Value binary(Op op, Value a, Value b) {
    if (op.isMeta()) {
      return metaCompare(op == Op.META_EQ || op == Op.IS, a, b);
    }
    if (a.isError() || b.isError()) {
      return Value.ERROR;
    }
    if (a.isUndefined() || b.isUndefined()) {
      return Value.UNDEFINED;
    }
    switch (op) {
      case ADD:
      case SUB:
      case MUL:
      case DIV:
      case MOD:
        return arithmetic(op, a, b);
      case BIT_OR:
      case BIT_XOR:
      case BIT_AND:
      case SHL:
      case SHR:
      case USHR:
        return bitwise(op, a, b);
      default:
        return compare(op, a, b);
    }
  }

  /** {@code =?=} / {@code =!=}: same type and same value; no promotion, strings case-sensitive. */
  static Value metaCompare(boolean wantEqual, Value a, Value b) {
    if (a.type() != b.type()) {
      return Value.of(!wantEqual);
    }
    boolean same;
    switch (a.type()) {
      case UNDEFINED:
      case ERROR:
        same = true;
        break;
      case BOOLEAN:
      case INTEGER:
        same = a.rawLong() == b.rawLong();
        break;
      case REAL:
        same = a.rawDouble() == b.rawDouble();
        break;
      case STRING:
        same = a.rawString().equals(b.rawString());
        break;
      default:
        // HTCondor gives ERROR for lists under the meta operators
        return Value.ERROR;
    }
    return Value.of(same == wantEqual);
  }

  private static Value compare(Op op, Value a, Value b) {
    if (a.isList() || b.isList()) {
      return Value.ERROR;
    }
    int cmp;
    if (a.isString() || b.isString()) {
      if (!a.isString() || !b.isString()) {
        return Value.ERROR;
      }
      cmp = compareIgnoreCase(a.rawString(), b.rawString());
    } else if (isIntegral(a) && isIntegral(b)) {
      cmp = Long.compare(a.rawLong(), b.rawLong());
    } else {
      double x = toDouble(a);
      double y = toDouble(b);
      // C comparison semantics: every ordering with NaN is false, != is true
      if (Double.isNaN(x) || Double.isNaN(y)) {
        return Value.of(op == Op.NE);
      }
      cmp = x == y ? 0 : (x < y ? -1 : 1);
    }
    switch (op) {
      case EQ:
        return Value.of(cmp == 0);
      case NE:
        return Value.of(cmp != 0);
      case LT:
        return Value.of(cmp < 0);
      case LE:
        return Value.of(cmp <= 0);
      case GT:
        return Value.of(cmp > 0);
      case GE:
        return Value.of(cmp >= 0);
      default:
        throw new IllegalArgumentException(op.toString());
    }
  }

  /** Like C's strcasecmp: ASCII letters fold to lower case, nothing else does. */
  static int compareIgnoreCase(String x, String y) {
    int n = Math.min(x.length(), y.length());
    for (int i = 0; i < n; i++) {
      char c = lowerAscii(x.charAt(i));
      char d = lowerAscii(y.charAt(i));
      if (c != d) {
        return c < d ? -1 : 1;
      }
    }
    return Integer.compare(x.length(), y.length());
  }

  static char lowerAscii(char c) {
    return (c >= 'A' && c <= 'Z') ? (char) (c + ('a' - 'A')) : c;
  }

  private static boolean isIntegral(Value v) {
    return v.isInteger() || v.isBoolean();
  }

  private static double toDouble(Value v) {
    return v.isReal() ? v.rawDouble() : v.rawLong();
  }

  private static Value arithmetic(Op op, Value a, Value b) {
    if (!isArithmetic(a) || !isArithmetic(b)) {
      return Value.ERROR;
    }
    if (isIntegral(a) && isIntegral(b)) {
      long x = a.rawLong();
      long y = b.rawLong();
      switch (op) {
        case ADD:
          return Value.of(x + y);
        case SUB:
          return Value.of(x - y);
        case MUL:
          return Value.of(x * y);
        case DIV:
          if (x == Long.MIN_VALUE && y == -1) {
            return Value.of(Long.MAX_VALUE);
          }
          return y == 0 ? Value.ERROR : Value.of(x / y);
        case MOD:
          if (x == Long.MIN_VALUE && y == -1) {
            return Value.of(0);
          }
          return y == 0 ? Value.ERROR : Value.of(x % y);
        default:
          throw new IllegalArgumentException(op.toString());
      }
    }
    double x = toDouble(a);
    double y = toDouble(b);
    double r;
    switch (op) {
      case ADD:
        r = x + y;
        break;
      case SUB:
        r = x - y;
        break;
      case MUL:
        r = x * y;
        break;
      case DIV:
        r = x / y;
        break;
      default:
        // HTCondor has no real modulus: it reports ERROR
        return Value.ERROR;
    }
    // HTCondor flags only a positive overflow (HUGE_VAL) as an error
    return r == Double.POSITIVE_INFINITY ? Value.ERROR : Value.of(r);
  }

  private static boolean isArithmetic(Value v) {
    return v.isNumber() || v.isBoolean();
  }

  private static Value bitwise(Op op, Value a, Value b) {
    if (!a.isInteger() || !b.isInteger()) {
      return Value.ERROR;
    }
    long x = a.rawLong();
    long y = b.rawLong();
    switch (op) {
      case BIT_OR:
        return Value.of(x | y);
      case BIT_XOR:
        return Value.of(x ^ y);
      case BIT_AND:
        return Value.of(x & y);
      case SHL:
        return Value.of(y >= 64 ? 0 : x << y);
      case SHR:
        return Value.of(y >= 64 ? (x < 0 ? -1 : 0) : x >> y);
      case USHR:
        return Value.of(y >= 64 ? 0 : x >>> y);
      default:
        throw new IllegalArgumentException(op.toString());
    }
  }

  static Value negate(Value v) {
    switch (v.type()) {
      case UNDEFINED:
      case ERROR:
        return v;
      case INTEGER:
        return Value.of(-v.rawLong());
      case REAL:
        return Value.of(-v.rawDouble());
      case BOOLEAN:
        // HTCondor's unary minus flips a boolean
        return Value.of(v.rawLong() == 0);
      default:
        return Value.ERROR;
    }
  }

  static Value plus(Value v) {
    return v.isNumber() || v.isExceptional() ? v : Value.ERROR;
  }

  static Value not(Value v) {
    if (v.isExceptional()) {
      return v;
    }
    int b = v.booleanEquivalent();
    return b < 0 ? Value.ERROR : Value.of(b == 0);
  }

  static Value bitNot(Value v) {
    if (v.isExceptional()) {
      return v;
    }
    return v.isInteger() ? Value.of(~v.rawLong()) : Value.ERROR;
  }

  /**
   * {@code a && b} once both sides are known ({@code a} was not false, else the caller
   * short-circuited). Numbers count as booleans; any other non-boolean is an ERROR.
   */
  static Value and(Value a, Value b) {
    int x = a.booleanEquivalent();
    int y = b.booleanEquivalent();
    if ((x < 0 && !a.isExceptional()) || (y < 0 && !b.isExceptional())) {
      return Value.ERROR;
    }
    if (x == 0) {
      return Value.FALSE;
    }
    if (a.isError()) {
      return Value.ERROR;
    }
    if (x == 1) {
      return y < 0 ? b : Value.of(y == 1);
    }
    // a is UNDEFINED
    if (y < 0) {
      return b;
    }
    return y == 0 ? Value.FALSE : Value.UNDEFINED;
  }

  /** {@code a || b}, the mirror of {@link #and}. */
  static Value or(Value a, Value b) {
    int x = a.booleanEquivalent();
    int y = b.booleanEquivalent();
    if ((x < 0 && !a.isExceptional()) || (y < 0 && !b.isExceptional())) {
      return Value.ERROR;
    }
    if (x == 1) {
      return Value.TRUE;
    }
    if (a.isError()) {
      return Value.ERROR;
    }
    if (x == 0) {
      return y < 0 ? b : Value.of(y == 1);
    }
    if (y < 0) {
      return b;
    }
    return y == 1 ? Value.TRUE : Value.UNDEFINED;
  }
}
