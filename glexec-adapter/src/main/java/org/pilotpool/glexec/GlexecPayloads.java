package org.pilotpool.glexec;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;

/**
 * Builds the invocations HTCondor's glexec helper scripts and glideinWMS's validation make, with
 * the same payload commands, so that a real glexec sees exactly what it saw from HTCondor.
 *
 * <p>Sandbox layout (condor_glexec_setup and _cleanup): before SETUP the caller owns
 * {@code <sandbox>} with the payload proxy inside. SETUP renames it to {@code <sandbox>.condor},
 * glexec unpacks a tar of it into a new user-owned {@code <sandbox>}, and everything in the
 * {@code .condor} copy but the proxy is deleted. From then on the proxy of reference is
 * {@code <sandbox>.condor/<proxy>}, and the user's copy is {@code <sandbox>/<proxy>}. CLEANUP
 * reverses it. The tar ends of the pipes and the renames are done by the adapter running glexec.
 */
public final class GlexecPayloads {
  /** Suffix of the caller's copy of the sandbox while the user owns the sandbox. */
  public static final String CONDOR_COPY_SUFFIX = ".condor";

  /** The line glideinWMS's validation expects last on standard output. */
  public static final String HELLO_WORLD = "Hello World";

  private final String shell;

  private GlexecPayloads(String shell) {
    this.shell = Objects.requireNonNull(shell, "shell");
  }

  /** Payloads run by the given shell, an absolute path. */
  public static GlexecPayloads withShell(String shell) {
    if (!shell.startsWith("/")) {
      throw new IllegalArgumentException("shell must be an absolute path: " + shell);
    }
    return new GlexecPayloads(shell);
  }

  /**
   * Payloads run by {@code /bin/sh} with symlinks resolved: glideinWMS sets {@code
   * ALTERNATIVE_SHELL} to the resolved shell because glexec "does not like symlinks".
   */
  public static GlexecPayloads resolvingBinSh() {
    Path sh = Path.of("/bin/sh");
    try {
      return new GlexecPayloads(sh.toRealPath().toString());
    } catch (IOException e) {
      return new GlexecPayloads(sh.toString());
    }
  }

  /** The shell every payload runs in. */
  public String shell() {
    return shell;
  }

  /** Where the caller's copy of {@code sandbox} lives while the user owns it. */
  public static Path condorCopy(Path sandbox) {
    Path normal = sandbox.normalize();
    return normal.resolveSibling(normal.getFileName() + CONDOR_COPY_SUFFIX);
  }

  /**
   * condor_glexec_setup: {@code install -m 755 -d <sandbox> && tar -C <sandbox> -x} fed with a tar
   * of the caller's sandbox. A payload proxy inside {@code sandbox} is named at its place in the
   * {@code .condor} copy, where it is when glexec reads it.
   */
  public GlexecInvocation setup(ProxyCredential payloadProxy, ProxyCredential pilotProxy, Path sandbox) {
    Path box = sandbox.normalize();
    Path proxy = Path.of(payloadProxy.location()).normalize();
    ProxyCredential renamed =
        proxy.startsWith(box) && !proxy.equals(box)
            ? new ProxyCredential(
                condorCopy(box).resolve(box.relativize(proxy)).toString(),
                payloadProxy.identity(),
                payloadProxy.fqans(),
                payloadProxy.notAfter())
            : payloadProxy;
    String q = quote(box.toString());
    return new GlexecInvocation(
        GlexecOperation.SETUP,
        renamed,
        pilotProxy,
        List.of(shell, "-c", "install -m 755 -d " + q + " && tar -C " + q + " -x"),
        box.toString());
  }

  /** condor_glexec_run: {@code sh -c 'cd <sandbox> && exec "$@"' sh <command...>}. */
  public GlexecInvocation launch(
      ProxyCredential payloadProxy, ProxyCredential pilotProxy, Path sandbox, List<String> command) {
    if (command.isEmpty()) {
      throw new IllegalArgumentException("LAUNCH needs a command");
    }
    Path box = sandbox.normalize();
    List<String> argv = new ArrayList<>();
    argv.add(shell);
    argv.add("-c");
    argv.add("cd " + quote(box.toString()) + " && exec \"$@\"");
    argv.add("sh");
    argv.addAll(command);
    return new GlexecInvocation(GlexecOperation.LAUNCH, payloadProxy, pilotProxy, argv, box.toString());
  }

  /**
   * condor_glexec_update_proxy while the user owns the sandbox: the refreshed proxy is streamed
   * into {@code umask 077 && cat > <copy> && mv <copy> <sandbox>/<proxy>}, authorized with the
   * OLD proxy ({@code oldPayloadProxy}, the {@code .condor} copy). When glexec succeeds the adapter
   * replaces the old proxy file with the refreshed one, as the script does.
   */
  public GlexecInvocation updateProxy(
      ProxyCredential oldPayloadProxy, ProxyCredential pilotProxy, Path sandbox, Path refreshedProxy) {
    Path box = sandbox.normalize();
    Path target = box.resolve(proxyName(oldPayloadProxy));
    Path copy = target.resolveSibling(target.getFileName() + ".copy");
    String command =
        "umask 077 && cat > " + quote(copy.toString()) + " && mv " + quote(copy.toString()) + " "
            + quote(target.toString());
    return new GlexecInvocation(
        GlexecOperation.UPDATE_PROXY,
        oldPayloadProxy,
        pilotProxy,
        List.of(shell, "-c", command),
        box.toString(),
        Optional.of(refreshedProxy.toString()));
  }

  /** condor_glexec_kill: {@code sh -c "/bin/kill -<signal> <pid>"}, one call per process. */
  public GlexecInvocation kill(
      ProxyCredential payloadProxy, ProxyCredential pilotProxy, Path sandbox, long pid, int signal) {
    if (pid <= 1 || signal < 0) {
      throw new IllegalArgumentException("KILL needs a pid above 1 and a signal >= 0, got " + pid + " and " + signal);
    }
    return new GlexecInvocation(
        GlexecOperation.KILL,
        payloadProxy,
        pilotProxy,
        List.of(shell, "-c", "/bin/kill -" + signal + " " + pid),
        sandbox.normalize().toString());
  }

  /**
   * condor_glexec_cleanup: {@code rm -f <sandbox>/<proxy> && tar -C <sandbox> -c . && rm -rf
   * <sandbox>}, whose output the adapter unpacks into the {@code .condor} copy before moving it
   * back. {@code payloadProxy} is the {@code .condor} copy.
   */
  public GlexecInvocation cleanup(ProxyCredential payloadProxy, ProxyCredential pilotProxy, Path sandbox) {
    Path box = sandbox.normalize();
    String q = quote(box.toString());
    String command =
        "rm -f " + quote(box.resolve(proxyName(payloadProxy)).toString()) + " && tar -C " + q
            + " -c . && rm -rf " + q;
    return new GlexecInvocation(
        GlexecOperation.CLEANUP, payloadProxy, pilotProxy, List.of(shell, "-c", command), box.toString());
  }

  /**
   * glideinWMS's first validation test, {@code sh -c "id && echo \"Hello World\""}, with the pilot's
   * own proxy as the client certificate ({@code GLEXEC_CLIENT_CERT=$X509_USER_PROXY}).
   */
  public GlexecInvocation validate(ProxyCredential pilotProxy) {
    return new GlexecInvocation(
        GlexecOperation.VALIDATE,
        pilotProxy,
        pilotProxy,
        List.of(shell, "-c", "id && echo \"" + HELLO_WORLD + "\""),
        "/");
  }

  private static String proxyName(ProxyCredential proxy) {
    Path name = Path.of(proxy.location()).getFileName();
    if (name == null) {
      throw new IllegalArgumentException("proxy location has no file name: " + proxy.location());
    }
    return name.toString();
  }

  /** Single-quotes a word for {@code sh -c}, so sandbox paths with blanks or quotes stay one word. */
  static String quote(String word) {
    return "'" + word.replace("'", "'\\''") + "'";
  }
}
