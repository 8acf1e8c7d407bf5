package org.pilotpool.model.glidein;

import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * What a glidein's setup can see of its worker node: environment variables (where the site says
 * glexec is), which files exist and are executable, and what {@code /bin/sh} resolves to. A
 * simulated node is a {@link Snapshot}; a real one answers from the file system.
 */
public interface NodeEnvironment {

  /** An environment variable; empty when unset or set to the empty string. */
  Optional<String> getenv(String name);

  /** Whether {@code path} is a regular file ({@code test -f}). */
  boolean isFile(String path);

  /** Whether {@code path} is executable by the glidein ({@code test -x}). */
  boolean isExecutable(String path);

  /** {@code readlink -f /bin/sh}: glexec "does not like symlinks". */
  String resolvedShell();

  /**
   * A fixed node.
   *
   * @param env the environment variables
   * @param files the node's regular files that matter, mapped to whether they are executable
   * @param shell what {@code /bin/sh} resolves to
   */
  record Snapshot(Map<String, String> env, Map<String, Boolean> files, String shell)
      implements NodeEnvironment {
    public Snapshot {
      env = Map.copyOf(new TreeMap<>(env));
      files = Map.copyOf(new TreeMap<>(files));
      Objects.requireNonNull(shell, "shell");
    }

    @Override
    public Optional<String> getenv(String name) {
      return Optional.ofNullable(env.get(name)).filter(v -> !v.isEmpty());
    }

    @Override
    public boolean isFile(String path) {
      return files.containsKey(path);
    }

    @Override
    public boolean isExecutable(String path) {
      return files.getOrDefault(path, false);
    }

    @Override
    public String resolvedShell() {
      return shell;
    }
  }

  /** The usual OSG worker node: glexec from the RPM at /usr/sbin/glexec, named by {@code OSG_GLEXEC_LOCATION}. */
  static NodeEnvironment osgWithGlexec() {
    return new Snapshot(Map.of("OSG_GLEXEC_LOCATION", "/usr/sbin/glexec"),
        Map.of("/usr/sbin/glexec", true), "/usr/bin/bash");
  }

  /** A node with no glexec installed and no glexec variables. */
  static NodeEnvironment withoutGlexec() {
    return new Snapshot(Map.of(), Map.of(), "/usr/bin/bash");
  }
}
