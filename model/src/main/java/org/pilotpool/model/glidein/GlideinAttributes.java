package org.pilotpool.model.glidein;

import java.util.Objects;
import java.util.Optional;

/**
 * What a glidein's glexec setup reads from its {@code glidein_config}: the frontend's wish, the
 * factory entry's glexec and restriction, and the glidein's own directories.
 *
 * @param glexecUse {@code GLIDEIN_Glexec_Use} as written by the frontend, unparsed: an absent value
 *     means OPTIONAL and an unknown one fails the glidein, both decided by {@link GlexecValidation}
 * @param glexecBin the entry's {@code GLEXEC_BIN}
 * @param requireGlideinGlexecUse the entry's {@code require_glidein_glexec_use} restriction
 *     ({@code GLIDEIN_REQUIRE_GLEXEC_USE} in the glidein config), default false
 * @param glexecJob the {@code GLEXEC_JOB} attribute, default true: glexec per job
 *     ({@code GLEXEC_JOB=True}) rather than the legacy glexec'd starter ({@code GLEXEC_STARTER=True})
 * @param entryStart an existing {@code GLIDEIN_Entry_Start} condition, which the glexec requirement
 *     is prepended to
 * @param tmpDir the glidein's {@code TMP_DIR}, which becomes {@code GLEXEC_USER_DIR}
 */
public record GlideinAttributes(
    Optional<String> glexecUse,
    GlexecBin glexecBin,
    boolean requireGlideinGlexecUse,
    boolean glexecJob,
    Optional<String> entryStart,
    String tmpDir) {

  public GlideinAttributes {
    Objects.requireNonNull(glexecUse, "glexecUse");
    Objects.requireNonNull(glexecBin, "glexecBin");
    Objects.requireNonNull(entryStart, "entryStart");
    Objects.requireNonNull(tmpDir, "tmpDir");
  }

  /**
   * The defaults: the given use and binary, no factory restriction, {@code GLEXEC_JOB} true, no
   * entry start condition, and {@code tmpDir}.
   */
  public static GlideinAttributes of(Optional<String> glexecUse, GlexecBin glexecBin, String tmpDir) {
    return new GlideinAttributes(glexecUse, glexecBin, false, true, Optional.empty(), tmpDir);
  }

  public GlideinAttributes withRequireGlideinGlexecUse(boolean require) {
    return new GlideinAttributes(glexecUse, glexecBin, require, glexecJob, entryStart, tmpDir);
  }

  public GlideinAttributes withGlexecJob(boolean job) {
    return new GlideinAttributes(glexecUse, glexecBin, requireGlideinGlexecUse, job, entryStart, tmpDir);
  }

  public GlideinAttributes withEntryStart(String condition) {
    return new GlideinAttributes(glexecUse, glexecBin, requireGlideinGlexecUse, glexecJob,
        Optional.of(condition), tmpDir);
  }
}
