package org.pilotpool.model.negotiation;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.classad.Value;

/**
 * What makes two idle jobs of one submitter interchangeable for the matchmaker: their ads are
 * equal apart from the per-job identity attributes ({@code ClusterId}, {@code ProcId},
 * {@code QDate}, {@code GlobalJobId}, {@code EnteredCurrentStatus}) and the instant the ad was
 * built ({@code CurrentTime}), and they exclude the same sites. An identity attribute counts (is
 * "significant", in HTCondor's words) once a slot ad mentions it; a job whose own ad mentions an
 * identity attribute that does not count is a cluster of its own. The schedd groups its idle jobs
 * with this signature and the negotiator relies on it, as HTCondor's schedd builds autoclusters
 * from the negotiator's SIGNIFICANT_ATTRIBUTES.
 */
public final class AutoclusterSignature {
  /** Job attributes that differ from job to job of one cluster, lower case. */
  public static final List<String> JOB_IDENTITY =
      List.of("clusterid", "procid", "qdate", "globaljobid", "enteredcurrentstatus");

  /** The length of the shortest name in {@link #JOB_IDENTITY}. */
  private static final int SHORTEST_NAME = 5;

  /**
   * The evaluation instant the schedd writes into every ad it builds. It is not a property of the
   * job: the autocluster's ad is built afresh, with the time of use, whenever it is matched, so
   * two jobs indexed at different instants still belong together.
   */
  private static final String CURRENT_TIME = "currenttime";

  private final Set<String> ignored;
  private final List<String> ignoredList;
  /** {@link #ignored} and {@link #CURRENT_TIME}: what the key leaves out. */
  private final Set<String> notInKey;

  private AutoclusterSignature(Set<String> significant) {
    List<String> off = new ArrayList<>();
    for (String a : JOB_IDENTITY) {
      if (!significant.contains(a)) {
        off.add(a);
      }
    }
    this.ignored = Set.copyOf(off);
    this.ignoredList = List.copyOf(off);
    off.add(CURRENT_TIME);
    this.notInKey = Set.copyOf(off);
  }

  /** The signature under which the given identity attributes (lower case) count. */
  public static AutoclusterSignature withSignificant(Set<String> significantIdentity) {
    return new AutoclusterSignature(significantIdentity);
  }

  /** The job identity attributes (lower case) that the text of the slot ads mentions. */
  public static Set<String> significantIdentity(Collection<ClassAd> slots) {
    StringBuilder text = new StringBuilder();
    for (ClassAd slot : slots) {
      text.append(keyText(slot, Set.of())).append('\n');
    }
    return significantIn(text.toString());
  }

  /** The job identity attributes (lower case) mentioned in the printed slot ads. */
  static Set<String> significantIn(String slotText) {
    String lower = asciiLowerCase(slotText);
    List<String> mentioned = new ArrayList<>();
    for (String attr : JOB_IDENTITY) {
      if (mentions(lower, attr)) {
        mentioned.add(attr);
      }
    }
    return Set.copyOf(mentioned);
  }

  /** The identity attributes that do not count, lower case. */
  public Set<String> ignored() {
    return ignored;
  }

  /** Whether the job's ad mentions an identity attribute that does not count. */
  public boolean perJob(ClassAd jobAd) {
    if (ignoredList.isEmpty()) {
      return false;
    }
    String lower = asciiLowerCase(keyText(jobAd, ignored));
    for (String attr : ignoredList) {
      if (mentions(lower, attr)) {
        return true;
      }
    }
    return false;
  }

  /**
   * Whether {@code name} (lower case) occurs in {@code lowerText} as a whole word, as
   * {@link #mentionPattern} finds it: a plain search, since this runs over every slot ad.
   */
  private static boolean mentions(String lowerText, String name) {
    int from = 0;
    while (true) {
      int i = lowerText.indexOf(name, from);
      if (i < 0) {
        return false;
      }
      int end = i + name.length();
      if ((i == 0 || !wordChar(lowerText.charAt(i - 1)))
          && (end == lowerText.length() || !wordChar(lowerText.charAt(end)))) {
        return true;
      }
      from = i + 1;
    }
  }

  private static boolean wordChar(char c) {
    return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_';
  }

  /** Lower-cases ASCII letters only, as the case-insensitive patterns compare them. */
  private static String asciiLowerCase(String text) {
    char[] chars = text.toCharArray();
    for (int i = 0; i < chars.length; i++) {
      char c = chars[i];
      if (c >= 'A' && c <= 'Z') {
        chars[i] = (char) (c + ('a' - 'A'));
      }
    }
    return new String(chars);
  }

  /**
   * The key two jobs share when they belong to one cluster (ignoring {@link #perJob}, which the
   * caller checks): a value with {@code equals} and {@code hashCode}.
   */
  public Object key(ClassAd jobAd, List<String> excludedSites) {
    return key(jobAd, notInKey, excludedSites);
  }

  /** The ad's {@link #attributeParts} and then the excluded sites, in one array. */
  private static Key key(ClassAd jobAd, Set<String> ignored, List<String> excludedSites) {
    Object[] parts = new Object[jobAd.size() * 2 + 1];
    int n = fillAttributeParts(jobAd, ignored, parts);
    parts[n] = List.copyOf(excludedSites);
    return new Key(n + 1 == parts.length ? parts : Arrays.copyOf(parts, n + 1));
  }

  /** A {@link Memo} under this signature. */
  public Memo memo() {
    return new Memo();
  }

  /**
   * Keys ads and remembers, for the keys it saw lately, whether their jobs stand alone
   * ({@link #perJob}): the jobs of a cluster, and the jobs of a submitter over time, mostly share
   * a key, and the check prints and searches the ad where the key only compares and hashes.
   */
  public final class Memo {
    /** Past this many keys the oldest is forgotten: a long-running queue sees many. */
    private static final int REMEMBERED = 4096;

    private final Map<Key, Boolean> alone = new LinkedHashMap<>() {
      @Override
      protected boolean removeEldestEntry(Map.Entry<Key, Boolean> eldest) {
        return size() > REMEMBERED;
      }
    };

    private Memo() {}

    /**
     * {@link #key} of a job that shares its autocluster, or null when it is a cluster of its own
     * ({@link #perJob}).
     */
    public Object sharedKey(ClassAd jobAd, List<String> excludedSites) {
      Key key = key(jobAd, notInKey, excludedSites);
      // The key leaves CurrentTime out but perJob reads it: the answer is for this ad only if its
      // CurrentTime is an expression that may name an identity attribute.
      Expr time = jobAd.lookup(CURRENT_TIME);
      boolean ownTime = time != null && mayPrintAName(time);
      Boolean own = ownTime ? null : alone.get(key);
      if (own == null) {
        own = perJob(jobAd);
        if (!ownTime) {
          alone.put(key, own);
        }
      }
      return own ? null : key;
    }
  }

  /** Lower-case names and expressions of the ad's attributes, minus {@code ignored}. */
  static Object[] attributeParts(ClassAd ad, Set<String> ignored) {
    Object[] parts = new Object[ad.size() * 2];
    int n = fillAttributeParts(ad, ignored, parts);
    return n == parts.length ? parts : Arrays.copyOf(parts, n);
  }

  /** Puts {@link #attributeParts} at the start of {@code parts}; returns how many it put. */
  private static int fillAttributeParts(ClassAd ad, Set<String> ignored, Object[] parts) {
    int[] n = {0};
    ad.forEachAttribute((key, expr) -> {
      if (!ignored.contains(key)) {
        parts[n[0]++] = key;
        parts[n[0]++] = expr;
      }
    });
    return n[0];
  }

  /**
   * The printed expressions of the ad's attributes minus {@code ignored}, for mention checks.
   * Constants that cannot print as an identity name are left out: a number, boolean, UNDEFINED or
   * ERROR, and a string without one inside (printing only adds quotes and escapes, none of which
   * begins with the first letter of a name). That is most of a job's ad, which is checked on
   * every change of the job.
   */
  static String keyText(ClassAd ad, Set<String> ignored) {
    StringBuilder sb = new StringBuilder();
    ad.forEachAttribute((key, expr) -> {
      if (!ignored.contains(key) && mayPrintAName(expr)) {
        sb.append(expr).append('\n');
      }
    });
    return sb.toString();
  }

  private static boolean mayPrintAName(Expr expr) {
    Optional<Value> constant = expr.constant();
    if (constant.isEmpty() || constant.get().isList()) {
      return true;
    }
    if (!constant.get().isString()) {
      return false;
    }
    return mayContainAName(constant.get().asString());
  }

  /**
   * Whether some identity name occurs in {@code text}, in any case. Only where a name's first
   * letter stands is the name compared: a subject or an FQAN has dozens of characters and is
   * looked at every time a job is indexed.
   */
  static boolean mayContainAName(String text) {
    for (int i = 0; i + SHORTEST_NAME <= text.length(); i++) {
      // Sets the ASCII lower-case bit: only 'C' and 'c' become 'c', and so on for each letter.
      char c = (char) (text.charAt(i) | 0x20);
      if (c == 'c' || c == 'p' || c == 'q' || c == 'g' || c == 'e') {
        for (String name : JOB_IDENTITY) {
          if (name.charAt(0) == c && text.regionMatches(true, i, name, 0, name.length())) {
            return true;
          }
        }
      }
    }
    return false;
  }

  /**
   * Matches any of the attribute names as a whole word, in any case: a scoped reference such as
   * {@code TARGET.ProcId}, an unscoped one, or the word inside a string (a harmless false alarm).
   */
  static Pattern mentionPattern(List<String> names) {
    return Pattern.compile("(?<![A-Za-z0-9_])(" + String.join("|", names) + ")(?![A-Za-z0-9_])",
        Pattern.CASE_INSENSITIVE);
  }

  /** A signature value, hashed once. */
  static final class Key {
    private final Object[] parts;
    private final int hash;

    Key(Object[] parts) {
      this.parts = parts;
      this.hash = Arrays.hashCode(parts);
    }

    @Override
    public boolean equals(Object o) {
      return o instanceof Key k && k.hash == hash && Arrays.equals(k.parts, parts);
    }

    @Override
    public int hashCode() {
      return hash;
    }
  }
}
