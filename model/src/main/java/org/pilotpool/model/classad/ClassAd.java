package org.pilotpool.model.classad;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.pilotpool.model.input.BadInputException;

/**
 * A ClassAd: attribute names bound to expressions, in insertion order, with case-insensitive names
 * as in HTCondor ({@code requestcpus} and {@code RequestCpus} are the same attribute; the ad keeps
 * the spelling it was given for printing).
 *
 * <p>Also the old ad text format that {@code condor_q -l} and {@code condor_history -l} print: one
 * {@code Name = expression} per line, strings in old escaping. Lines starting with {@code #} are
 * comments. {@link #parse} reads one ad; {@link #parseAll} reads ads separated by blank lines.
 *
 * <p>Not thread-safe for writes; concurrent evaluation of an ad nobody modifies is safe.
 */
public final class ClassAd {
  private static final String REQUIREMENTS = "requirements";
  private static final String START = "start";
  private static final String RANK = "rank";

  private record Entry(String name, Node expr) {}

  /** Lower-case name to entry, for lookups. */
  private final Map<String, Entry> byKey = new HashMap<>();

  /** Lower-case names in insertion order, for printing and iteration. */
  private final List<String> order = new ArrayList<>();

  /**
   * Valid attribute names seen so far and their lower-case keys. Ads are built over and over with
   * the same few dozen names; checking and lower-casing each anew was a fifth of all allocation
   * in a large pool run. Bounded, so that ads read from arbitrary input cannot grow it for ever.
   */
  private static final Map<String, String> KEYS = new ConcurrentHashMap<>();

  private static final int MAX_KEYS = 4096;

  /** Binds {@code name} to {@code expr}, replacing any attribute of that name in any case. */
  public ClassAd insert(String name, Expr expr) {
    String key = KEYS.get(name);
    if (key == null) {
      if (!isValidName(name)) {
        throw new IllegalArgumentException("not a ClassAd attribute name: '" + name + "'");
      }
      key = name.toLowerCase(Locale.ROOT);
      if (KEYS.size() < MAX_KEYS) {
        KEYS.put(name, key);
      }
    }
    if (byKey.put(key, new Entry(name, (Node) expr)) == null) {
      order.add(key);
    }
    return this;
  }

  /**
   * Parses {@code expression} (new ClassAd syntax) and binds it to {@code name}.
   *
   * @throws BadInputException naming the attribute and where the expression is wrong
   */
  public ClassAd insert(String name, String expression) {
    return insert(name, Expr.parse(name, expression));
  }

  public ClassAd set(String name, long value) {
    return insert(name, new Node.Literal(Value.of(value)));
  }

  public ClassAd set(String name, double value) {
    return insert(name, new Node.Literal(Value.of(value)));
  }

  public ClassAd set(String name, boolean value) {
    return insert(name, new Node.Literal(Value.of(value)));
  }

  /** Binds {@code name} to a string literal (the value itself, not an expression to parse). */
  public ClassAd set(String name, String value) {
    return insert(name, new Node.Literal(Value.of(value)));
  }

  /** The expression bound to {@code name} (any case), or null. */
  public Expr lookup(String name) {
    return lookupKey(keyOf(name));
  }

  /** Lookup by a name already in lower case: the evaluation path. */
  Node lookupKey(String lowerCaseName) {
    Entry e = byKey.get(lowerCaseName);
    return e == null ? null : e.expr();
  }

  public boolean contains(String name) {
    return byKey.containsKey(keyOf(name));
  }

  /** Removes the attribute; returns whether it was there. */
  public boolean remove(String name) {
    String key = keyOf(name);
    if (byKey.remove(key) == null) {
      return false;
    }
    order.remove(key);
    return true;
  }

  public int size() {
    return order.size();
  }

  /**
   * An independent copy with the same attributes in the same order: the expressions are
   * immutable, so they are shared, and the names need no checking again.
   */
  public ClassAd copy() {
    ClassAd copy = new ClassAd();
    copy.byKey.putAll(byKey);
    copy.order.addAll(order);
    return copy;
  }

  /** Attribute names as inserted, in insertion order. */
  public List<String> names() {
    List<String> names = new ArrayList<>(order.size());
    for (String key : order) {
      names.add(byKey.get(key).name());
    }
    return Collections.unmodifiableList(names);
  }

  /**
   * Attribute names in lower case, in insertion order: a read-only view, for callers that
   * compare names case-insensitively anyway.
   */
  public List<String> lowerCaseNames() {
    return Collections.unmodifiableList(order);
  }

  /** Evaluates the attribute with this ad as MY and no TARGET; UNDEFINED if it is absent. */
  public Value evaluate(String name) {
    return evaluate(name, null);
  }

  /** Evaluates the attribute with this ad as MY and {@code target} as TARGET. */
  public Value evaluate(String name, ClassAd target) {
    Node e = lookupKey(keyOf(name));
    if (e instanceof Node.Literal literal) {
      // A constant needs no evaluation state: the common case of a slot's Name or a job's Owner.
      return literal.value();
    }
    return e == null ? Value.UNDEFINED : new EvalState().evalAttribute(e, this, target);
  }

  /** The lower-case key of a name, from the names already seen when it is one of them. */
  private static String keyOf(String name) {
    String key = KEYS.get(name);
    return key != null ? key : name.toLowerCase(Locale.ROOT);
  }

  /**
   * HTCondor's symmetric match: the job's {@code Requirements} is true with MY = job and TARGET =
   * slot, and the slot's {@code Requirements} (or, when the slot has none, its {@code START}) is
   * true with MY = slot and TARGET = job. A missing requirement, UNDEFINED or ERROR is no match;
   * a non-zero number counts as true, as in HTCondor.
   */
  public static boolean matches(ClassAd job, ClassAd slot) {
    Node jobRequirements = job.lookupKey(REQUIREMENTS);
    Node slotRequirements = slot.lookupKey(REQUIREMENTS);
    if (slotRequirements == null) {
      slotRequirements = slot.lookupKey(START);
    }
    if (jobRequirements == null || slotRequirements == null) {
      return false;
    }
    EvalState state = new EvalState();
    return state.evalAttribute(jobRequirements, job, slot).booleanEquivalent() == 1
        && state.evalAttribute(slotRequirements, slot, job).booleanEquivalent() == 1;
  }

  /**
   * The numeric {@code Rank} of {@code ad} against {@code target} (MY = ad): integers and reals as
   * they are, booleans 1.0 or 0.0 (startd ranks such as {@code Owner == "alice"} are boolean);
   * a missing Rank, UNDEFINED, ERROR or any other type 0.0.
   */
  public static double rank(ClassAd ad, ClassAd target) {
    Node rank = ad.lookupKey(RANK);
    if (rank == null) {
      return 0.0;
    }
    Value v = new EvalState().evalAttribute(rank, ad, target);
    switch (v.type()) {
      case INTEGER:
      case BOOLEAN:
        return v.rawLong();
      case REAL:
        return v.rawDouble();
      default:
        return 0.0;
    }
  }

  /**
   * Reads one ad in the old text format; blank lines and {@code #} comments are skipped.
   *
   * @param source the file name (or other origin) for error messages
   * @throws BadInputException with the source, line, attribute and column of the first problem
   */
  public static ClassAd parse(String source, String text) {
    ClassAd ad = new ClassAd();
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      parseLine(source, i + 1, lines[i], ad);
    }
    return ad;
  }

  /** Reads ads in the old text format separated by one or more blank lines. */
  public static List<ClassAd> parseAll(String source, String text) {
    List<ClassAd> ads = new ArrayList<>();
    ClassAd current = null;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      if (lines[i].isBlank()) {
        current = null;
        continue;
      }
      if (current == null) {
        current = new ClassAd();
        ads.add(current);
      }
      parseLine(source, i + 1, lines[i], current);
    }
    ads.removeIf(ad -> ad.size() == 0);
    return ads;
  }

  private static void parseLine(String source, int lineNumber, String rawLine, ClassAd ad) {
    String line = stripTrailing(rawLine);
    int start = 0;
    while (start < line.length() && Character.isWhitespace(line.charAt(start))) {
      start++;
    }
    if (start == line.length() || line.charAt(start) == '#') {
      return;
    }
    int nameEnd = start;
    while (nameEnd < line.length() && isNameChar(line.charAt(nameEnd))) {
      nameEnd++;
    }
    String name = line.substring(start, nameEnd);
    int eq = nameEnd;
    while (eq < line.length() && Character.isWhitespace(line.charAt(eq))) {
      eq++;
    }
    if (!isValidName(name) || eq >= line.length() || line.charAt(eq) != '=') {
      throw new BadInputException(source, lineNumber, null,
          "expected 'Name = expression' with Name a ClassAd attribute name, but found '"
              + line.strip() + "'");
    }
    int exprStart = eq + 1;
    Node expr = Parser.parseExpression(
        source, lineNumber, name, line.substring(exprStart), exprStart, true);
    ad.insert(name, expr);
  }

  private static String stripTrailing(String s) {
    int end = s.length();
    while (end > 0 && Character.isWhitespace(s.charAt(end - 1))) {
      end--;
    }
    return s.substring(0, end);
  }

  private static boolean isNameChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  private static boolean isValidName(String name) {
    if (name.isEmpty() || Character.isDigit(name.charAt(0))) {
      return false;
    }
    for (int i = 0; i < name.length(); i++) {
      if (!isNameChar(name.charAt(i))) {
        return false;
      }
    }
    return true;
  }

  /** The ad in the old text format: {@code Name = expression} lines in insertion order. */
  public String toText() {
    StringBuilder sb = new StringBuilder();
    for (String key : order) {
      Entry e = byKey.get(key);
      sb.append(e.name()).append(" = ");
      e.expr().print(sb, true);
      sb.append('\n');
    }
    return sb.toString();
  }

  /** Same attribute names (exact spelling), in the same order, bound to equal expressions. */
  @Override
  public boolean equals(Object o) {
    if (this == o) {
      return true;
    }
    if (!(o instanceof ClassAd)) {
      return false;
    }
    ClassAd other = (ClassAd) o;
    if (!order.equals(other.order)) {
      return false;
    }
    for (String key : order) {
      if (!byKey.get(key).equals(other.byKey.get(key))) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (String key : order) {
      h = 31 * h + byKey.get(key).hashCode();
    }
    return h;
  }

  @Override
  public String toString() {
    return toText();
  }
}
