package org.pilotpool.glexec.real;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.InstantSource;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Executor;
import org.pilotpool.glexec.Glexec;

/**
 * How to run a real glexec binary, and the factory of the adapter that does it.
 *
 * @param binary the glexec executable (HTCondor's {@code GLEXEC})
 * @param timeout the longest a call (glexec and its tar pipe) may take before it is killed
 * @param flavour the site's glexec distribution; the environment is the same for both, since
 *     setting the pilot proxy everywhere is what lets one pilot work at OSG and EGI sites
 * @param executor where calls block while glexec runs: in the actor system a dedicated blocking
 *     dispatcher
 * @param clock measures how long each call took
 * @param searchPath the {@code PATH} glexec is started with
 * @param extraEnvironment further variables for glexec; meant for tests, which pass the settings
 *     of a glexec emulator through it. It may not name the variables the adapter owns.
 */
public record RealGlexecConfig(
    Path binary,
    Duration timeout,
    Flavour flavour,
    Executor executor,
    InstantSource clock,
    String searchPath,
    Map<String, String> extraEnvironment) {

  /** The variables every call sets itself; {@code extraEnvironment} may not override them. */
  public static final Set<String> OWN_VARIABLES =
      Set.of("GLEXEC_CLIENT_CERT", "X509_USER_PROXY", "GLEXEC_TARGET_PROXY", "PATH");

  private static final String SAFE_PATH = "/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin";

  /** The glexec distribution, as glideinWMS's {@code GLEXEC_BIN} names it (OSG or glite). */
  public enum Flavour {
    /** OSG: LCMAPS with GUMS or SCAS; the binary at {@code $OSG_GLEXEC_LOCATION}. */
    OSG,
    /**
     * EGI (glite): Argus, which also wants the pilot proxy; the binary at {@code
     * $GLEXEC_LOCATION/sbin/glexec} or else {@code $GLITE_LOCATION/sbin/glexec}.
     */
    EGI;

    /**
     * Where glideinWMS's glexec_setup.sh looks for this flavour's binary, given the worker node's
     * environment; empty when the variables are unset or name no executable file.
     */
    public Optional<Path> locate(Map<String, String> environment) {
      if (this == OSG) {
        return executable(environment.get("OSG_GLEXEC_LOCATION"), null);
      }
      return executable(environment.get("GLEXEC_LOCATION"), "sbin/glexec")
          .or(() -> executable(environment.get("GLITE_LOCATION"), "sbin/glexec"));
    }

    private static Optional<Path> executable(String base, String below) {
      if (base == null || base.isBlank()) {
        return Optional.empty();
      }
      Path p = below == null ? Path.of(base) : Path.of(base, below);
      return Files.isRegularFile(p) && Files.isExecutable(p) ? Optional.of(p) : Optional.empty();
    }
  }

  public RealGlexecConfig {
    Objects.requireNonNull(binary, "binary");
    Objects.requireNonNull(timeout, "timeout");
    if (timeout.isZero() || timeout.isNegative()) {
      throw new IllegalArgumentException("glexec timeout must be positive, got " + timeout);
    }
    Objects.requireNonNull(flavour, "flavour");
    Objects.requireNonNull(executor, "executor");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(searchPath, "searchPath");
    for (String name : extraEnvironment.keySet()) {
      if (OWN_VARIABLES.contains(name)) {
        throw new IllegalArgumentException("extraEnvironment may not set " + name + ": the adapter sets it on every call");
      }
    }
    extraEnvironment = Collections.unmodifiableMap(new LinkedHashMap<>(extraEnvironment));
  }

  /** A configuration with the system clock, the JVM's {@code PATH} and no extra variables. */
  public static RealGlexecConfig of(Path binary, Duration timeout, Flavour flavour, Executor executor) {
    String path = System.getenv("PATH");
    return new RealGlexecConfig(
        binary,
        timeout,
        flavour,
        executor,
        InstantSource.system(),
        path == null || path.isBlank() ? SAFE_PATH : path,
        Map.of());
  }

  /** The same configuration with other extra variables for glexec. */
  public RealGlexecConfig withExtraEnvironment(Map<String, String> variables) {
    return new RealGlexecConfig(binary, timeout, flavour, executor, clock, searchPath, variables);
  }

  /** The same configuration measuring time with {@code source}. */
  public RealGlexecConfig withClock(InstantSource source) {
    return new RealGlexecConfig(binary, timeout, flavour, executor, source, searchPath, extraEnvironment);
  }

  /** The adapter running this configuration's binary. */
  public Glexec create() {
    return new RealGlexec(this);
  }
}
