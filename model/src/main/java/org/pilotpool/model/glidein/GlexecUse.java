package org.pilotpool.model.glidein;

import java.util.Optional;

/**
 * {@code GLIDEIN_Glexec_Use}, set by the frontend (per group or globally): whether the VO wants its
 * glideins to switch identity with glexec.
 */
public enum GlexecUse {
  /** Never use glexec, even where the site has it. */
  NEVER,
  /** Use glexec where the entry has a binary; run without it elsewhere. */
  OPTIONAL,
  /** Only run where glexec works. */
  REQUIRED;

  /**
   * The value a glidein reads from its config. Absent means OPTIONAL (glexec_setup.sh); a value
   * other than the three names is not a {@code GlexecUse} at all, which the glidein reports as a
   * VO_Config error, so it comes back empty here rather than as an exception.
   */
  public static Optional<GlexecUse> fromAttribute(Optional<String> value) {
    if (value.isEmpty() || value.get().isEmpty()) {
      return Optional.of(OPTIONAL);
    }
    for (GlexecUse use : values()) {
      // The script's case statement is case-sensitive.
      if (use.name().equals(value.get())) {
        return Optional.of(use);
      }
    }
    return Optional.empty();
  }
}
