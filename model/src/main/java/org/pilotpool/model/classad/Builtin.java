package org.pilotpool.model.classad;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * The built-in functions of the subset, with HTCondor's semantics ({@code fnCall.cpp}): a wrong
 * number of arguments gives ERROR, UNDEFINED arguments mostly give UNDEFINED, wrong types ERROR.
 * Names are case-insensitive.
 */
enum Builtin {
  /** {@code member(x, list)}: is some element {@code == x}. */
  MEMBER("member") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      return member(site, my, target, state, false);
    }
  },
  /** {@code identicalMember(x, list)}: is some element {@code =?= x}. */
  IDENTICAL_MEMBER("identicalMember") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      return member(site, my, target, state, true);
    }
  },
  /** {@code regexp(pattern, target [, options])}: does the pattern match anywhere in target. */
  REGEXP("regexp") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      List<Node> args = site.args();
      if (args.size() != 2 && args.size() != 3) {
        return Value.ERROR;
      }
      Value pattern = args.get(0).eval(my, target, state);
      Value subject = args.get(1).eval(my, target, state);
      Value options = args.size() == 3 ? args.get(2).eval(my, target, state) : null;
      if (pattern.isError() || subject.isError() || (options != null && options.isError())) {
        return Value.ERROR;
      }
      if (pattern.isUndefined()
          || subject.isUndefined()
          || (options != null && options.isUndefined())) {
        return Value.UNDEFINED;
      }
      if (!pattern.isString() || !subject.isString() || (options != null && !options.isString())) {
        return Value.ERROR;
      }
      Pattern p = site.pattern(pattern.rawString(), regexFlags(options));
      return p == null ? Value.ERROR : Value.of(p.matcher(subject.rawString()).find());
    }
  },
  /** {@code ifThenElse(c, a, b)}: evaluates only the chosen branch. */
  IF_THEN_ELSE("ifThenElse") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      List<Node> args = site.args();
      if (args.size() != 3) {
        return Value.ERROR;
      }
      Value c = args.get(0).eval(my, target, state);
      int b = c.booleanEquivalent();
      if (b < 0) {
        return c.isUndefined() ? Value.UNDEFINED : Value.ERROR;
      }
      return args.get(b == 1 ? 1 : 2).eval(my, target, state);
    }
  },
  IS_UNDEFINED("isUndefined") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      return v == null ? Value.ERROR : Value.of(v.isUndefined());
    }
  },
  IS_ERROR("isError") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      return v == null ? Value.ERROR : Value.of(v.isError());
    }
  },
  IS_STRING("isString") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      return v == null ? Value.ERROR : Value.of(v.isString());
    }
  },
  IS_INTEGER("isInteger") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      return v == null ? Value.ERROR : Value.of(v.isInteger());
    }
  },
  IS_REAL("isReal") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      return v == null ? Value.ERROR : Value.of(v.isReal());
    }
  },
  IS_BOOLEAN("isBoolean") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      return v == null ? Value.ERROR : Value.of(v.isBoolean());
    }
  },
  IS_LIST("isList") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      return v == null ? Value.ERROR : Value.of(v.isList());
    }
  },
  /** {@code strcat(a, ...)}: non-strings are converted; UNDEFINED or ERROR anywhere wins. */
  STRCAT("strcat") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      StringBuilder sb = new StringBuilder();
      for (Node arg : site.args()) {
        Value v = arg.eval(my, target, state);
        if (v.isExceptional()) {
          return v;
        }
        sb.append(v.convertToString());
      }
      return Value.of(sb.toString());
    }
  },
  /** {@code size(x)}: length of a string, number of elements of a list. */
  SIZE("size") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      if (v == null) {
        return Value.ERROR;
      }
      if (v.isUndefined()) {
        return Value.UNDEFINED;
      }
      if (v.isString()) {
        return Value.of(v.rawString().length());
      }
      return v.isList() ? Value.of(v.rawList().size()) : Value.ERROR;
    }
  },
  TO_LOWER("toLower") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      return changeCase(single(site, my, target, state), false);
    }
  },
  TO_UPPER("toUpper") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      return changeCase(single(site, my, target, state), true);
    }
  },
  /** {@code int(x)}: reals truncate, strings parse their numeric prefix, booleans give 0 or 1. */
  INT("int") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      if (v == null) {
        return Value.ERROR;
      }
      switch (v.type()) {
        case UNDEFINED:
        case INTEGER:
          return v;
        case BOOLEAN:
          return Value.of(v.rawLong());
        case REAL:
          return Value.of((long) v.rawDouble());
        case STRING:
          double d = NumberPrefix.parse(v.rawString());
          return Double.isNaN(d) ? Value.ERROR : Value.of((long) d);
        default:
          return Value.ERROR;
      }
    }
  },
  /** {@code real(x)}: integers and booleans widen, strings parse their numeric prefix. */
  REAL("real") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      if (v == null) {
        return Value.ERROR;
      }
      switch (v.type()) {
        case UNDEFINED:
        case REAL:
          return v;
        case BOOLEAN:
        case INTEGER:
          return Value.of((double) v.rawLong());
        case STRING:
          return NumberPrefix.real(v.rawString());
        default:
          return Value.ERROR;
      }
    }
  },
  /** {@code string(x)}: the value unparsed; UNDEFINED and ERROR stay as they are. */
  STRING("string") {
    @Override
    Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
      Value v = single(site, my, target, state);
      if (v == null) {
        return Value.ERROR;
      }
      return v.isExceptional() || v.isString() ? v : Value.of(v.convertToString());
    }
  };

  private static final Map<String, Builtin> BY_NAME = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);

  static {
    for (Builtin b : values()) {
      BY_NAME.put(b.functionName, b);
    }
  }

  private final String functionName;

  Builtin(String functionName) {
    this.functionName = functionName;
  }

  abstract Value call(Node.Call site, ClassAd my, ClassAd target, EvalState state);

  /** The function of that name (case-insensitive), or null when the subset does not have it. */
  static Builtin lookup(String name) {
    return BY_NAME.get(name);
  }

  /** The single argument's value, or null when the call does not have exactly one argument. */
  private static Value single(Node.Call site, ClassAd my, ClassAd target, EvalState state) {
    List<Node> args = site.args();
    return args.size() == 1 ? args.get(0).eval(my, target, state) : null;
  }

  private static Value member(
      Node.Call site, ClassAd my, ClassAd target, EvalState state, boolean identical) {
    List<Node> args = site.args();
    if (args.size() != 2) {
      return Value.ERROR;
    }
    Value item = args.get(0).eval(my, target, state);
    Value list = args.get(1).eval(my, target, state);
    if (list.isUndefined() || (!identical && item.isUndefined())) {
      return Value.UNDEFINED;
    }
    if (!list.isList() || item.isList()) {
      return Value.ERROR;
    }
    if (!identical && item.isError()) {
      return Value.ERROR;
    }
    Op op = identical ? Op.META_EQ : Op.EQ;
    for (Value element : list.rawList()) {
      if (Operators.binary(op, element, item).isTrue()) {
        return Value.TRUE;
      }
    }
    return Value.FALSE;
  }

  /** Java regex flags for HTCondor's option letters: i, m, s, x; others are ignored. */
  private static int regexFlags(Value options) {
    if (options == null) {
      return 0;
    }
    String o = options.rawString();
    int flags = 0;
    if (o.indexOf('i') >= 0 || o.indexOf('I') >= 0) {
      flags |= Pattern.CASE_INSENSITIVE;
    }
    if (o.indexOf('m') >= 0 || o.indexOf('M') >= 0) {
      flags |= Pattern.MULTILINE;
    }
    if (o.indexOf('s') >= 0 || o.indexOf('S') >= 0) {
      flags |= Pattern.DOTALL;
    }
    if (o.indexOf('x') >= 0 || o.indexOf('X') >= 0) {
      flags |= Pattern.COMMENTS;
    }
    return flags;
  }

  private static Value changeCase(Value v, boolean upper) {
    if (v == null) {
      return Value.ERROR;
    }
    if (v.isExceptional()) {
      return v;
    }
    String s = v.convertToString();
    return Value.of(upper ? s.toUpperCase(Locale.ROOT) : s.toLowerCase(Locale.ROOT));
  }
}
