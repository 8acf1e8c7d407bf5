package org.pilotpool.run;

import java.time.Duration;
import java.util.Locale;

/** Durations as people write them in scenario files: 40s, 15m, 1h, 2.5h, 3d. */
public final class Durations {
  private Durations() {}

  public static String human(Duration d) {
    double s = d.toNanos() / 1e9;
    if (s < 1) {
      return trim(s * 1000) + "ms";
    }
    if (s < 60) {
      return trim(s) + "s";
    }
    if (s < 3600) {
      return trim(s / 60) + "m";
    }
    if (s < 3 * 86400) {
      return trim(s / 3600) + "h";
    }
    return trim(s / 86400) + "d";
  }

  private static String trim(double v) {
    String t = String.format(Locale.ROOT, "%.1f", v);
    return t.endsWith(".0") ? t.substring(0, t.length() - 2) : t;
  }
}
