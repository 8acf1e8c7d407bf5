package org.pilotpool.model.glidein;

import java.util.Optional;

/**
 * Which factory entries a frontend group considers, given its {@code GLIDEIN_Glexec_Use}
 * (glideinWMS {@code cvWParamDict}): REQUIRED keeps only entries whose {@code GLEXEC_BIN} is set
 * and not NONE; NEVER keeps only entries that do not require glideins to use glexec; OPTIONAL, an
 * absent value and any other value keep every entry (the frontend adds no constraint for them;
 * glideins with an unknown value then fail at start-up).
 */
public final class FrontendMatch {
  private FrontendMatch() {}

  /**
   * @param glexecUse the group's {@code GLIDEIN_Glexec_Use}, unparsed
   * @param glexecBin the entry's {@code GLEXEC_BIN}
   * @param requireGlideinGlexecUse the entry's {@code require_glidein_glexec_use}
   */
  public static boolean considers(
      Optional<String> glexecUse, GlexecBin glexecBin, boolean requireGlideinGlexecUse) {
    String use = glexecUse.orElse("");
    if (use.equals(GlexecUse.REQUIRED.name())) {
      return !glexecBin.isNone();
    }
    if (use.equals(GlexecUse.NEVER.name())) {
      return !requireGlideinGlexecUse;
    }
    return true;
  }
}
