package org.pilotpool.model.trace;

import java.util.BitSet;
import java.util.HashSet;
import java.util.Set;

/**
 * The ids seen so far, for duplicate detection. Numeric ids below 2^27 cost one bit each (16 MB at
 * most), which covers the job counters of SWF and GWF logs; other ids are kept as strings.
 */
public final class SeenIds {
  private static final long BITSET_LIMIT = 1L << 27;

  private final BitSet numeric = new BitSet();
  private final Set<String> other = new HashSet<>();

  /** Records the id and says whether it is new. */
  public boolean add(String id) {
    long n = parseSmall(id);
    if (n >= 0) {
      if (numeric.get((int) n)) {
        return false;
      }
      numeric.set((int) n);
      return true;
    }
    return other.add(id);
  }

  private static long parseSmall(String id) {
    int len = id.length();
    if (len == 0 || len > 9 || (len > 1 && id.charAt(0) == '0')) {
      return -1;
    }
    long n = 0;
    for (int i = 0; i < len; i++) {
      char c = id.charAt(i);
      if (c < '0' || c > '9') {
        return -1;
      }
      n = n * 10 + (c - '0');
    }
    return n < BITSET_LIMIT ? n : -1;
  }
}
