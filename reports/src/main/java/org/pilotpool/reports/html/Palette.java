package org.pilotpool.reports.html;

import java.awt.Color;
import java.util.Locale;

/**
 * Colours: one hue per variant (the same in the headline table, the captions and the charts),
 * and darker or lighter shades of it for a topic's further series.
 */
final class Palette {
  // Colour-blind-safe hues (Okabe-Ito), darkened where needed to read on white.
  private static final Color[] VARIANTS = {
    new Color(0x00, 0x72, 0xb2),
    new Color(0xd5, 0x5e, 0x00),
    new Color(0x00, 0x9e, 0x73),
    new Color(0xcc, 0x79, 0xa7),
    new Color(0x56, 0x4d, 0x9e),
    new Color(0xb8, 0x8a, 0x00),
  };

  private Palette() {}

  static Color variant(int index) {
    return VARIANTS[index % VARIANTS.length];
  }

  /** Series 0 is the hue itself; later ones alternate darker and lighter. */
  static Color shade(Color base, int series) {
    return switch (series % 4) {
      case 0 -> base;
      case 1 -> mix(base, Color.BLACK, 0.45);
      case 2 -> mix(base, Color.WHITE, 0.45);
      default -> mix(base, Color.BLACK, 0.7);
    };
  }

  static String css(Color c) {
    return String.format(Locale.ROOT, "#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
  }

  private static Color mix(Color a, Color b, double share) {
    return new Color(
        (int) Math.round(a.getRed() * (1 - share) + b.getRed() * share),
        (int) Math.round(a.getGreen() * (1 - share) + b.getGreen() * share),
        (int) Math.round(a.getBlue() * (1 - share) + b.getBlue() * share));
  }
}
