package org.pilotpool.pilot;

import java.util.Objects;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glidein.GlideinAttributes;

/**
 * Everything a glidein is submitted with.
 *
 * @param pilotId the glidein's stable id (also the seed of its random stream)
 * @param site the factory entry's site
 * @param attributes its glidein config: the frontend's {@code GLIDEIN_Glexec_Use}, the entry's
 *     {@code GLEXEC_BIN} and restrictions, its {@code TMP_DIR}
 * @param slots how many slots it starts
 * @param times its walltime and retire time
 * @param pilotProxy the glidein's own proxy ({@code X509_USER_PROXY}), which the validation tests
 *     present to glexec
 * @param workDir the glidein's working directory on the node, where test 2's script is written
 */
public record PilotSpec(
    String pilotId, String site, GlideinAttributes attributes, int slots, PilotTimes times,
    ProxyCredential pilotProxy, String workDir) {
  public PilotSpec {
    Objects.requireNonNull(pilotId, "pilotId");
    Objects.requireNonNull(site, "site");
    Objects.requireNonNull(attributes, "attributes");
    Objects.requireNonNull(times, "times");
    Objects.requireNonNull(pilotProxy, "pilotProxy");
    Objects.requireNonNull(workDir, "workDir");
    if (slots < 1) {
      throw new IllegalArgumentException("a glidein needs at least one slot, got " + slots);
    }
  }
}
