package org.pilotpool.model.glidein;

/**
 * The error classes a glidein's setup scripts report through glideinWMS's {@code error_gen}, as
 * they appear in the glidein's XML result.
 */
public enum GlideinErrorClass {
  /** The VO's (frontend's) configuration cannot work here: a bad {@code GLIDEIN_Glexec_Use}, or it conflicts with the entry. */
  VO_CONFIG("VO_Config"),
  /** The worker node lacks something the glidein needs: the glexec binary, or a working glexec. */
  WN_RESOURCE("WN_Resource");

  private final String label;

  GlideinErrorClass(String label) {
    this.label = label;
  }

  /** The name glideinWMS writes. */
  public String label() {
    return label;
  }
}
