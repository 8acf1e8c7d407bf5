package org.pilotpool.model.glidein;

import java.util.Objects;

/**
 * The factory entry attribute {@code GLEXEC_BIN}: where glexec is on the entry's worker nodes.
 *
 * @param kind NONE (no glexec), OSG, glite, auto, or an explicit path
 * @param path the explicit path when {@code kind} is {@link Kind#PATH}, else empty
 */
public record GlexecBin(Kind kind, String path) {
  /** The forms the attribute takes. */
  public enum Kind {
    /** The site has no glexec. */
    NONE,
    /** {@code $OSG_GLEXEC_LOCATION}. */
    OSG,
    /** {@code $GLEXEC_LOCATION/sbin/glexec}, else {@code $GLITE_LOCATION/sbin/glexec}, else /opt/glite/sbin/glexec. */
    GLITE,
    /** Search the OSG locations, then the gLite ones. */
    AUTO,
    /** An explicit path. */
    PATH
  }

  public static final GlexecBin NONE = new GlexecBin(Kind.NONE, "");
  public static final GlexecBin OSG = new GlexecBin(Kind.OSG, "");
  public static final GlexecBin GLITE = new GlexecBin(Kind.GLITE, "");
  public static final GlexecBin AUTO = new GlexecBin(Kind.AUTO, "");

  public GlexecBin {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(path, "path");
    if ((kind == Kind.PATH) == path.isEmpty()) {
      throw new IllegalArgumentException("a path is given exactly for Kind.PATH: " + kind + " \"" + path + "\"");
    }
  }

  /** An explicit binary path. */
  public static GlexecBin path(String path) {
    return new GlexecBin(Kind.PATH, path);
  }

  /**
   * The attribute's value as the glidein reads it: empty means NONE; the keywords are
   * case-sensitive ({@code OSG}, {@code glite}, {@code auto}); anything else is a path.
   */
  public static GlexecBin fromAttribute(String value) {
    if (value == null || value.isEmpty() || value.equals("NONE")) {
      return NONE;
    }
    return switch (value) {
      case "OSG" -> OSG;
      case "glite" -> GLITE;
      case "auto" -> AUTO;
      default -> path(value);
    };
  }

  /** The attribute's text: {@code NONE}, {@code OSG}, {@code glite}, {@code auto} or the path. */
  public String attributeValue() {
    return switch (kind) {
      case NONE -> "NONE";
      case OSG -> "OSG";
      case GLITE -> "glite";
      case AUTO -> "auto";
      case PATH -> path;
    };
  }

  public boolean isNone() {
    return kind == Kind.NONE;
  }
}
