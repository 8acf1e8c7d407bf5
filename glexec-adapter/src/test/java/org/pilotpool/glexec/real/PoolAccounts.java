package org.pilotpool.glexec.real;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Pool accounts for the emulator to map to. As root they are real local accounts (created once,
 * idempotently), so that the emulator really switches uid; otherwise only their names are used and
 * the emulator runs payloads as the caller, like glexec's logging-only mode.
 */
final class PoolAccounts {
  /** The account payload users are mapped to. */
  static final String USER_ACCOUNT = "ppgl001";
  /** The account the pilot's own proxy is mapped to (validation). */
  static final String PILOT_ACCOUNT = "ppgl002";

  private PoolAccounts() {}

  static boolean runningAsRoot() {
    return "root".equals(System.getProperty("user.name")) || uidOf("root").equals(run("id", "-u").strip());
  }

  /** Creates both accounts when running as root; a no-op otherwise. */
  static synchronized void ensure() {
    if (!runningAsRoot()) {
      return;
    }
    for (String account : List.of(USER_ACCOUNT, PILOT_ACCOUNT)) {
      if (exitOf("id", "-u", account) != 0) {
        int rc = exitOf("useradd", "-M", "-r", "-s", "/usr/sbin/nologin", account);
        // 9: created meanwhile by a parallel build
        if (rc != 0 && rc != 9) {
          throw new IllegalStateException("useradd " + account + " exited " + rc);
        }
      }
    }
  }

  static String uidOf(String account) {
    return run("id", "-u", account).strip();
  }

  static String gidOf(String account) {
    return run("id", "-g", account).strip();
  }

  /** The account a payload really runs as: the pool account as root, the caller otherwise. */
  static String effective(String account) {
    return runningAsRoot() ? account : System.getProperty("user.name");
  }

  private static int exitOf(String... argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new IllegalStateException(String.join(" ", argv) + " did not finish");
      }
      return p.exitValue();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static String run(String... argv) {
    try {
      Process p = new ProcessBuilder(argv).redirectError(ProcessBuilder.Redirect.DISCARD).start();
      String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      p.waitFor(60, TimeUnit.SECONDS);
      return out;
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
