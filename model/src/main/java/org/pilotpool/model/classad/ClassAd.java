package org.pilotpool.model.classad;

import java.util.ArrayList;
import java.util.Arrays;
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

  /**
   * Attributes in insertion order, side by side in arrays: lower-case key (its hash beside it),
   * name as given, expression. Most ads hold a few dozen attributes and are built, read a few
   * times and dropped, so a scan of the hashes beats a hash table that costs two objects per
   * attribute to fill; an ad that grows past {@link #INDEXED} gets a table as well.
   */
  private String[] keys;
  private int[] hashes;
  private String[] names;
  private Node[] exprs;
  private int size;
  /** Key to position, once the ad has more than {@link #INDEXED} attributes; else null. */
  private Map<String, Integer> index;

  private static final int INDEXED = 32;

  public ClassAd() {
    this(8);
  }

  /** An empty ad with room for {@code capacity} attributes before it grows. */
  public ClassAd(int capacity) {
    keys = new String[capacity];
    hashes = new int[capacity];
    names = new String[capacity];
    exprs = new Node[capacity];
  }

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
    int at = find(key);
    if (at >= 0) {
      names[at] = name;
      exprs[at] = (Node) expr;
      return this;
    }
    if (size == keys.length) {
      grow();
    }
    keys[size] = key;
    hashes[size] = key.hashCode();
    names[size] = name;
    exprs[size] = (Node) expr;
    if (index != null) {
      index.put(key, size);
    } else if (size + 1 > INDEXED) {
      reindex(size + 1);
    }
    size++;
    return this;
  }

  private void grow() {
    int capacity = keys.length * 2;
    keys = Arrays.copyOf(keys, capacity);
    hashes = Arrays.copyOf(hashes, capacity);
    names = Arrays.copyOf(names, capacity);
    exprs = Arrays.copyOf(exprs, capacity);
  }

  /** Rebuilds the table over the first {@code n} attributes. */
  private void reindex(int n) {
    index = new HashMap<>(n * 2);
    for (int i = 0; i < n; i++) {
      index.put(keys[i], i);
    }
  }

  /** The position of a lower-case key, or -1. */
  private int find(String key) {
    if (index != null) {
      Integer at = index.get(key);
      return at == null ? -1 : at;
    }
    int h = key.hashCode();
    for (int i = 0; i < size; i++) {
      if (hashes[i] == h && (keys[i] == key || keys[i].equals(key))) {
        return i;
      }
    }
    return -1;
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
    int at = find(lowerCaseName);
    return at < 0 ? null : exprs[at];
  }

  public boolean contains(String name) {
    return find(keyOf(name)) >= 0;
  }

  /** Removes the attribute; returns whether it was there. */
  public boolean remove(String name) {
    int at = find(keyOf(name));
    if (at < 0) {
      return false;
    }
    int tail = size - at - 1;
    System.arraycopy(keys, at + 1, keys, at, tail);
    System.arraycopy(hashes, at + 1, hashes, at, tail);
    System.arraycopy(names, at + 1, names, at, tail);
    System.arraycopy(exprs, at + 1, exprs, at, tail);
    size--;
    keys[size] = null;
    names[size] = null;
    exprs[size] = null;
    if (index != null) {
      reindex(size);
    }
    return true;
  }

  public int size() {
    return size;
  }

  /**
   * An independent copy with the same attributes in the same order: the expressions are
   * immutable, so they are shared, and the names need no checking again.
   */
  public ClassAd copy() {
    ClassAd copy = new ClassAd(Math.max(8, size));
    System.arraycopy(keys, 0, copy.keys, 0, size);
    System.arraycopy(hashes, 0, copy.hashes, 0, size);
    System.arraycopy(names, 0, copy.names, 0, size);
    System.arraycopy(exprs, 0, copy.exprs, 0, size);
    copy.size = size;
    if (index != null) {
      copy.reindex(size);
    }
    return copy;
  }

  /** Attribute names as inserted, in insertion order. */
  public List<String> names() {
    return List.of(Arrays.copyOf(names, size));
  }

  /** What {@link #forEachAttribute} hands each attribute. */
  @FunctionalInterface
  public interface AttributeVisitor {
    void visit(String lowerCaseName, Expr expr);
  }

  /** Each attribute's lower-case name and expression, in insertion order, without lookups. */
  public void forEachAttribute(AttributeVisitor visitor) {
    for (int i = 0; i < size; i++) {
      visitor.visit(keys[i], exprs[i]);
    }
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
    for (int i = 0; i < size; i++) {
      sb.append(names[i]).append(" = ");
      exprs[i].print(sb, true);
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
    if (size != other.size) {
      return false;
    }
    for (int i = 0; i < size; i++) {
      if (!keys[i].equals(other.keys[i]) || !names[i].equals(other.names[i])
          || !exprs[i].equals(other.exprs[i])) {
        return false;
      }
    }
    return true;
  }

  @Override
  public int hashCode() {
    int h = 1;
    for (int i = 0; i < size; i++) {
      h = 31 * h + (31 * names[i].hashCode() + exprs[i].hashCode());
    }
    return h;
  }

  @Override
  public String toString() {
    return toText();
  }
}
