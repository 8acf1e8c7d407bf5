package org.pilotpool.model.classad;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The expression tree. Each node evaluates itself against (MY, TARGET) and prints itself back in
 * ClassAd syntax. Parentheses are kept as nodes so that printing reproduces the source's grouping,
 * as HTCondor's unparser does.
 */
sealed interface Node extends Expr {

  Value eval(ClassAd my, ClassAd target, EvalState state);

  /** Appends this node in ClassAd syntax; {@code oldSyntax} selects old string escaping. */
  void print(StringBuilder sb, boolean oldSyntax);

  @Override
  default Value evaluate(ClassAd my, ClassAd target) {
    return eval(my, target, new EvalState());
  }

  static String print(Node n, boolean oldSyntax) {
    StringBuilder sb = new StringBuilder();
    n.print(sb, oldSyntax);
    return sb.toString();
  }

  /** A constant: a literal, or a list or negation of literals folded at parse time. */
  record Literal(Value value) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      return value;
    }

    @Override
    public Optional<Value> constant() {
      return Optional.of(value);
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      value.appendLiteral(sb, oldSyntax);
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** Where an attribute reference looks. */
  enum Scope {
    /** MY first, then TARGET. */
    UNSCOPED,
    MY,
    TARGET
  }

  /**
   * An attribute reference. {@code key} is the lower-case name, computed once at parse time, so a
   * lookup is a single hash probe on a string whose hash is cached.
   */
  record AttrRef(Scope scope, String prefix, String name, String key) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      switch (scope) {
        case MY:
          return lookupIn(my, target, state);
        case TARGET:
          return lookupIn(target, my, state);
        default:
          if (my != null) {
            Node e = my.lookupKey(key);
            if (e != null) {
              return state.evalAttribute(e, my, target);
            }
          }
          return lookupIn(target, my, state);
      }
    }

    private Value lookupIn(ClassAd ad, ClassAd other, EvalState state) {
      if (ad == null) {
        return Value.UNDEFINED;
      }
      Node e = ad.lookupKey(key);
      return e == null ? Value.UNDEFINED : state.evalAttribute(e, ad, other);
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      if (prefix != null) {
        sb.append(prefix).append('.');
      }
      appendName(sb, name);
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** Prints an attribute name, quoting it the ClassAd way when it is not a plain identifier. */
  static void appendName(StringBuilder sb, String name) {
    if (Lexer.isPlainIdentifier(name)) {
      sb.append(name);
      return;
    }
    sb.append('\'');
    for (int i = 0; i < name.length(); i++) {
      char c = name.charAt(i);
      if (c == '\'' || c == '\\') {
        sb.append('\\');
      }
      sb.append(c);
    }
    sb.append('\'');
  }

  /** Unary {@code - + ! ~}. */
  record Unary(char op, Node operand) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      Value v = operand.eval(my, target, state);
      switch (op) {
        case '-':
          return Operators.negate(v);
        case '+':
          return Operators.plus(v);
        case '!':
          return Operators.not(v);
        default:
          return Operators.bitNot(v);
      }
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      sb.append(op);
      operand.print(sb, oldSyntax);
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** The strict binary operators and the meta-comparisons. */
  record Binary(Op op, Node left, Node right) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      return Operators.binary(op, left.eval(my, target, state), right.eval(my, target, state));
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      left.print(sb, oldSyntax);
      sb.append(' ').append(op.symbol).append(' ');
      right.print(sb, oldSyntax);
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** {@code &&}: the right side is not evaluated when the left is false. */
  record And(Node left, Node right) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      Value a = left.eval(my, target, state);
      if (a.booleanEquivalent() == 0) {
        return Value.FALSE;
      }
      return Operators.and(a, right.eval(my, target, state));
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      left.print(sb, oldSyntax);
      sb.append(" && ");
      right.print(sb, oldSyntax);
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** {@code ||}: the right side is not evaluated when the left is true. */
  record Or(Node left, Node right) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      Value a = left.eval(my, target, state);
      if (a.booleanEquivalent() == 1) {
        return Value.TRUE;
      }
      return Operators.or(a, right.eval(my, target, state));
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      left.print(sb, oldSyntax);
      sb.append(" || ");
      right.print(sb, oldSyntax);
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /**
   * {@code c ? t : f}: a boolean (or number) selects a branch, UNDEFINED gives UNDEFINED, anything
   * else ERROR.
   */
  record Conditional(Node condition, Node whenTrue, Node whenFalse) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      Value c = condition.eval(my, target, state);
      int b = c.booleanEquivalent();
      if (b == 1) {
        return whenTrue.eval(my, target, state);
      }
      if (b == 0) {
        return whenFalse.eval(my, target, state);
      }
      return c.isUndefined() ? Value.UNDEFINED : Value.ERROR;
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      condition.print(sb, oldSyntax);
      sb.append(" ? ");
      whenTrue.print(sb, oldSyntax);
      sb.append(" : ");
      whenFalse.print(sb, oldSyntax);
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** {@code a ?: b}: {@code a} unless it is UNDEFINED. */
  record Elvis(Node value, Node fallback) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      Value v = value.eval(my, target, state);
      return v.isUndefined() ? fallback.eval(my, target, state) : v;
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      value.print(sb, oldSyntax);
      sb.append(" ?: ");
      fallback.print(sb, oldSyntax);
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** Explicit parentheses, kept only so that printing reproduces them. */
  record Parens(Node inner) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      return inner.eval(my, target, state);
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      sb.append('(');
      inner.print(sb, oldSyntax);
      sb.append(')');
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** A list whose elements are not all constants (constant lists are folded into a Literal). */
  record ListExpr(List<Node> elements) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      List<Value> values = new ArrayList<>(elements.size());
      for (Node e : elements) {
        values.add(e.eval(my, target, state));
      }
      return Value.list(values);
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      sb.append("{ ");
      for (int i = 0; i < elements.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        elements.get(i).print(sb, oldSyntax);
      }
      sb.append(" }");
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** {@code list[index]}: ERROR when out of bounds or not a list indexed by an integer. */
  record Subscript(Node list, Node index) implements Node {
    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      Value l = list.eval(my, target, state);
      Value i = index.eval(my, target, state);
      if (l.isError() || i.isError()) {
        return Value.ERROR;
      }
      if (l.isUndefined() || i.isUndefined()) {
        return Value.UNDEFINED;
      }
      if (!l.isList() || !i.isInteger()) {
        return Value.ERROR;
      }
      long n = i.rawLong();
      List<Value> elements = l.rawList();
      return n < 0 || n >= elements.size() ? Value.ERROR : elements.get((int) n);
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      list.print(sb, oldSyntax);
      sb.append('[');
      index.print(sb, oldSyntax);
      sb.append(']');
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /**
   * A function call. The function is resolved at parse time; an unknown name evaluates to ERROR,
   * as in HTCondor. The call site caches its last compiled regular expression, so a
   * {@code regexp()} whose pattern does not change compiles once.
   */
  final class Call implements Node {
    private final String name;
    private final List<Node> args;
    private final Builtin function;
    private volatile CompiledPattern lastPattern;

    Call(String name, List<Node> args) {
      this.name = name;
      this.args = List.copyOf(args);
      this.function = Builtin.lookup(name);
    }

    String name() {
      return name;
    }

    List<Node> args() {
      return args;
    }

    @Override
    public Value eval(ClassAd my, ClassAd target, EvalState state) {
      return function == null ? Value.ERROR : function.call(this, my, target, state);
    }

    /** The compiled pattern for (regex, flags), or null if the pattern does not compile. */
    Pattern pattern(String regex, int flags) {
      CompiledPattern last = lastPattern;
      if (last != null && last.flags == flags && last.regex.equals(regex)) {
        return last.pattern;
      }
      Pattern p;
      try {
        p = Pattern.compile(regex, flags);
      } catch (IllegalArgumentException e) {
        p = null;
      }
      lastPattern = new CompiledPattern(regex, flags, p);
      return p;
    }

    @Override
    public void print(StringBuilder sb, boolean oldSyntax) {
      sb.append(name).append('(');
      for (int i = 0; i < args.size(); i++) {
        if (i > 0) {
          sb.append(',');
        }
        args.get(i).print(sb, oldSyntax);
      }
      sb.append(')');
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Call
          && ((Call) o).name.equalsIgnoreCase(name)
          && ((Call) o).args.equals(args);
    }

    @Override
    public int hashCode() {
      return name.toLowerCase(Locale.ROOT).hashCode() * 31 + args.hashCode();
    }

    @Override
    public String toString() {
      return Node.print(this, false);
    }
  }

  /** One cached compilation; a null pattern remembers that the regex is invalid. */
  record CompiledPattern(String regex, int flags, Pattern pattern) {}
}
