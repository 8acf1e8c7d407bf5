package org.pilotpool.model.glidein;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How a glidein's glexec setup ended: glexec enabled, disabled, or the glidein failed. The first
 * two carry the HTCondor configuration the glidein writes for its startd, in the order written.
 */
public sealed interface GlideinSetup {

  /** Whether the glidein's slots run their jobs through glexec. */
  boolean glexecUsed();

  /** The HTCondor configuration the setup wrote, in order; empty after a failure. */
  Map<String, String> condorConfig();

  /** glexec works: both "Hello World" tests passed. */
  record Enabled(String glexecPath, Map<String, String> condorConfig) implements GlideinSetup {
    public Enabled {
      Objects.requireNonNull(glexecPath, "glexecPath");
      condorConfig = ordered(condorConfig);
    }

    @Override
    public boolean glexecUsed() {
      return true;
    }
  }

  /** The glidein runs without glexec, and says so explicitly in its configuration. */
  record Disabled(String reason, Map<String, String> condorConfig) implements GlideinSetup {
    public Disabled {
      Objects.requireNonNull(reason, "reason");
      condorConfig = ordered(condorConfig);
    }

    @Override
    public boolean glexecUsed() {
      return false;
    }
  }

  /** The glidein gives up: it starts no startd and exits. */
  record Failed(GlideinErrorClass errorClass, String message) implements GlideinSetup {
    public Failed {
      Objects.requireNonNull(errorClass, "errorClass");
      Objects.requireNonNull(message, "message");
    }

    @Override
    public boolean glexecUsed() {
      return false;
    }

    @Override
    public Map<String, String> condorConfig() {
      return Map.of();
    }
  }

  private static Map<String, String> ordered(Map<String, String> config) {
    return Collections.unmodifiableMap(new LinkedHashMap<>(config));
  }
}
