package org.pilotpool.glexec.real;

import static java.nio.file.LinkOption.NOFOLLOW_LINKS;

import java.io.File;
import java.io.IOException;
import java.io.OutputStream;
import java.lang.ProcessBuilder.Redirect;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Stream;
import org.pilotpool.glexec.Glexec;
import org.pilotpool.glexec.GlexecPayloads;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.glexec.GlexecResult.AdapterFailure;

/**
 * Runs a real glexec binary for each invocation, with the tar ends of HTCondor's pipes done by
 * local {@code tar} processes.
 *
 * <p>Success is the exit status of glexec, never the end of its output: in linger mode glexec
 * waits for the payload, in exec mode it is the payload, and in both a background child may keep
 * the pipes open. Output is drained on separate threads into bounded tails; the call waits for
 * process exit up to the configured timeout and then kills the whole process tree.
 */
final class RealGlexec implements Glexec {
  private static final int OUTPUT_LIMIT = 64 * 1024;
  private static final Duration OUTPUT_GRACE = Duration.ofSeconds(2);
  private static final Duration REAP_GRACE = Duration.ofSeconds(5);
  private static final File NO_INPUT = new File("/dev/null");
  // glexec runs the payload as another account that may not be allowed into the caller's current
  // directory; every payload names its directories itself (cd, tar -C).
  private static final File NEUTRAL_DIRECTORY = new File("/");
  private static final AtomicLong CALLS = new AtomicLong();

  private final RealGlexecConfig config;

  RealGlexec(RealGlexecConfig config) {
    this.config = config;
  }

  @Override
  public CompletionStage<GlexecResult> invoke(GlexecInvocation invocation) {
    Instant start = config.clock().instant();
    try {
      return CompletableFuture.supplyAsync(() -> callSafely(invocation, start), config.executor());
    } catch (RejectedExecutionException e) {
      return CompletableFuture.completedFuture(
          GlexecResult.failed(
              AdapterFailure.IO_ERROR,
              describe(invocation) + ": the glexec executor rejected the call: " + e.getMessage(),
              took(start)));
    }
  }

  private GlexecResult callSafely(GlexecInvocation invocation, Instant start) {
    try {
      checkBinary(invocation, start);
      return switch (invocation.operation()) {
        case SETUP -> setup(invocation, start);
        case CLEANUP -> cleanup(invocation, start);
        case UPDATE_PROXY -> updateProxy(invocation, start);
        case VALIDATE -> validate(invocation, start);
        case LAUNCH, KILL -> plain(invocation, start);
      };
    } catch (Aborted a) {
      return a.result;
    } catch (RuntimeException e) {
      // The port promises a result for every call; a bug here must not become a hung caller.
      return GlexecResult.failed(
          AdapterFailure.IO_ERROR, describe(invocation) + ": unexpected adapter error: " + e, took(start));
    }
  }

  private void checkBinary(GlexecInvocation inv, Instant start) throws Aborted {
    Path binary = config.binary();
    if (!Files.exists(binary)) {
      throw abort(AdapterFailure.BINARY_UNAVAILABLE, inv, start, "glexec binary " + binary + " does not exist");
    }
    if (!Files.isRegularFile(binary)) {
      throw abort(AdapterFailure.BINARY_UNAVAILABLE, inv, start, "glexec binary " + binary + " is not a regular file");
    }
    if (!Files.isExecutable(binary)) {
      throw abort(
          AdapterFailure.BINARY_UNAVAILABLE, inv, start, "glexec binary " + binary + " is not executable by this account");
    }
  }

  private GlexecResult plain(GlexecInvocation inv, Instant start) throws Aborted {
    Exchange x = exchange(inv, start, null, null, inputOf(inv));
    return exited(x, MappedAccount.fromGlexecLog(x.stderr()), start, "");
  }

  /** glideinWMS's rule: exit 0 is not enough, the last line of output must be "Hello World". */
  private GlexecResult validate(GlexecInvocation inv, Instant start) throws Aborted {
    Exchange x = exchange(inv, start, null, null, inputOf(inv));
    Optional<String> account =
        MappedAccount.fromIdOutput(x.stdout()).or(() -> MappedAccount.fromGlexecLog(x.stderr()));
    String last = lastLine(x.stdout());
    if (x.status() != 0 || last.equals(GlexecPayloads.HELLO_WORLD)) {
      return exited(x, account, start, "");
    }
    String message =
        describe(inv) + ": glexec exited 0 but the last line of output is \"" + last + "\", not \""
            + GlexecPayloads.HELLO_WORLD + "\"" + (x.stderr().isEmpty() ? "" : "; stderr: " + x.stderr());
    return new GlexecResult(0, Optional.of(AdapterFailure.UNEXPECTED_OUTPUT), message, account, took(start));
  }

  /** condor_glexec_setup: rename, tar into glexec, then keep only the proxy in the caller's copy. */
  private GlexecResult setup(GlexecInvocation inv, Instant start) throws Aborted {
    Path sandbox = Path.of(inv.workingDirectory());
    Path copy = GlexecPayloads.condorCopy(sandbox);
    if (!Files.isDirectory(sandbox, NOFOLLOW_LINKS)) {
      throw abort(AdapterFailure.IO_ERROR, inv, start, "sandbox " + sandbox + " is not a directory");
    }
    if (Files.exists(copy, NOFOLLOW_LINKS)) {
      throw abort(
          AdapterFailure.IO_ERROR, inv, start, copy + " already exists: an earlier SETUP was not cleaned up");
    }
    move(inv, start, sandbox, copy);
    Exchange x;
    try {
      x = exchange(inv, start, localTar("-C", copy.toString(), "-c", "."), null, null);
    } catch (Aborted a) {
      restore(copy, sandbox);
      throw a;
    }
    if (x.status() != 0) {
      return exited(x, MappedAccount.fromGlexecLog(x.stderr()), start, restore(copy, sandbox));
    }
    if (x.localStatus() != 0) {
      throw abort(
          AdapterFailure.IO_ERROR,
          inv,
          start,
          "glexec exited 0 but the local tar of " + copy + " exited " + x.localStatus() + ": " + x.localStderr());
    }
    keepOnly(inv, start, copy, Path.of(inv.payloadProxy().location()).normalize());
    return exited(x, MappedAccount.fromGlexecLog(x.stderr()), start, "");
  }

  /** condor_glexec_cleanup: tar out of glexec into the caller's copy, which then moves back. */
  private GlexecResult cleanup(GlexecInvocation inv, Instant start) throws Aborted {
    Path sandbox = Path.of(inv.workingDirectory());
    Path copy = GlexecPayloads.condorCopy(sandbox);
    if (!Files.isDirectory(copy, NOFOLLOW_LINKS)) {
      throw abort(AdapterFailure.IO_ERROR, inv, start, copy + " is not a directory: no SETUP ran for " + sandbox);
    }
    // Files come back owned by the caller, not by the pool account that packed them.
    ProcessBuilder unpack = localTar("-C", copy.toString(), "-x", "--no-same-owner");
    Exchange x = exchange(inv, start, null, unpack, inputOf(inv));
    if (x.status() != 0) {
      return exited(x, MappedAccount.fromGlexecLog(x.stderr()), start, "");
    }
    if (x.localStatus() != 0) {
      throw abort(
          AdapterFailure.IO_ERROR,
          inv,
          start,
          "glexec exited 0 but unpacking its tar into " + copy + " exited " + x.localStatus() + ": "
              + x.localStderr());
    }
    if (Files.exists(sandbox, NOFOLLOW_LINKS)) {
      throw abort(
          AdapterFailure.IO_ERROR, inv, start, "glexec exited 0 but " + sandbox + " still exists, so " + copy + " cannot move back");
    }
    move(inv, start, copy, sandbox);
    return exited(x, MappedAccount.fromGlexecLog(x.stderr()), start, "");
  }

  /** condor_glexec_update_proxy: stream the new proxy in, then replace the caller's old copy. */
  private GlexecResult updateProxy(GlexecInvocation inv, Instant start) throws Aborted {
    if (inv.input().isEmpty()) {
      throw abort(AdapterFailure.IO_ERROR, inv, start, "UPDATE_PROXY needs the refreshed proxy as input");
    }
    Path refreshed = Path.of(inv.input().get());
    if (!Files.isRegularFile(refreshed) || !Files.isReadable(refreshed)) {
      throw abort(AdapterFailure.IO_ERROR, inv, start, "refreshed proxy " + refreshed + " is not a readable file");
    }
    Exchange x = exchange(inv, start, null, null, refreshed.toFile());
    if (x.status() == 0) {
      replaceProxy(inv, start, Path.of(inv.payloadProxy().location()), refreshed);
    }
    return exited(x, MappedAccount.fromGlexecLog(x.stderr()), start, "");
  }

  /** What came back from glexec, and from the local tar at the other end of its pipe if any. */
  private record Exchange(int status, String stdout, String stderr, int localStatus, String localStderr) {}

  /**
   * Starts glexec, fed by {@code feeder} or else reading {@code input}, and feeding {@code sink}
   * when given; waits for every process to exit within the deadline.
   */
  private Exchange exchange(
      GlexecInvocation inv, Instant start, ProcessBuilder feeder, ProcessBuilder sink, File input) throws Aborted {
    ProcessBuilder glexec = glexecProcess(inv);
    List<ProcessBuilder> chain = new ArrayList<>();
    if (feeder != null) {
      chain.add(feeder.redirectInput(NO_INPUT));
    } else {
      glexec.redirectInput(input);
    }
    chain.add(glexec);
    if (sink != null) {
      chain.add(sink.redirectOutput(Redirect.DISCARD));
    }
    List<Process> processes;
    try {
      processes = chain.size() == 1 ? List.of(glexec.start()) : ProcessBuilder.startPipeline(chain);
    } catch (IOException | RuntimeException e) {
      throw abort(AdapterFailure.IO_ERROR, inv, start, "could not start glexec: " + e.getMessage());
    }
    Process glexecProcess = processes.get(feeder == null ? 0 : 1);
    Process local = feeder != null ? processes.get(0) : sink != null ? processes.get(1) : null;
    String name = "glexec-" + CALLS.incrementAndGet();
    OutputTail out = sink == null ? OutputTail.drain(glexecProcess.getInputStream(), OUTPUT_LIMIT, name + "-out") : null;
    OutputTail err = OutputTail.drain(glexecProcess.getErrorStream(), OUTPUT_LIMIT, name + "-err");
    OutputTail localErr = local == null ? null : OutputTail.drain(local.getErrorStream(), OUTPUT_LIMIT, name + "-tar");
    try {
      Instant deadline = start.plus(config.timeout());
      for (Process p : processes) {
        if (!p.waitFor(remaining(deadline).toNanos(), TimeUnit.NANOSECONDS)) {
          int descendants = destroyAll(processes);
          String stderr = err.text().strip();
          throw abort(
              AdapterFailure.TIMED_OUT,
              inv,
              start,
              "glexec did not finish within " + config.timeout() + "; killed it, its pipe partners and "
                  + descendants + " descendant processes" + (stderr.isEmpty() ? "" : "; stderr: " + stderr));
        }
      }
      for (OutputTail tail : new OutputTail[] {out, err, localErr}) {
        if (tail != null) {
          tail.awaitEnd(OUTPUT_GRACE);
        }
      }
    } catch (InterruptedException e) {
      destroyAll(processes);
      Thread.currentThread().interrupt();
      throw abort(AdapterFailure.IO_ERROR, inv, start, "interrupted while waiting for glexec; killed it");
    }
    return new Exchange(
        glexecProcess.exitValue(),
        out == null ? "" : out.text(),
        err.text().strip(),
        local == null ? 0 : local.exitValue(),
        localErr == null ? "" : localErr.text().strip());
  }

  /**
   * Kills the processes and every descendant found before the first kill (afterwards orphans are
   * re-parented and can no longer be found). Returns how many descendants there were.
   */
  private static int destroyAll(List<Process> processes) {
    List<ProcessHandle> descendants = processes.stream().flatMap(Process::descendants).toList();
    processes.forEach(Process::destroyForcibly);
    descendants.forEach(ProcessHandle::destroyForcibly);
    for (Process p : processes) {
      try {
        p.waitFor(REAP_GRACE.toNanos(), TimeUnit.NANOSECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        break;
      }
    }
    return descendants.size();
  }

  /** glexec with a clean environment: the contract variables, PATH, and the configured extras. */
  private ProcessBuilder glexecProcess(GlexecInvocation inv) {
    List<String> argv = new ArrayList<>();
    argv.add(config.binary().toString());
    argv.addAll(inv.command());
    ProcessBuilder pb = new ProcessBuilder(argv).directory(NEUTRAL_DIRECTORY);
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", config.searchPath());
    env.putAll(config.extraEnvironment());
    env.put("GLEXEC_CLIENT_CERT", inv.payloadProxy().location());
    // Always the pilot's proxy: EGI's Argus sends it as the second credential, OSG ignores it.
    env.put("X509_USER_PROXY", inv.pilotProxy().location());
    env.put("GLEXEC_TARGET_PROXY", "/dev/null");
    return pb;
  }

  private ProcessBuilder localTar(String... args) {
    List<String> argv = new ArrayList<>();
    argv.add("tar");
    argv.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(argv).directory(NEUTRAL_DIRECTORY);
    Map<String, String> env = pb.environment();
    env.clear();
    env.put("PATH", config.searchPath());
    env.put("LC_ALL", "C");
    return pb;
  }

  private static File inputOf(GlexecInvocation inv) {
    return inv.input().map(File::new).orElse(NO_INPUT);
  }

  private void move(GlexecInvocation inv, Instant start, Path from, Path to) throws Aborted {
    try {
      Files.move(from, to);
    } catch (IOException e) {
      throw abort(AdapterFailure.IO_ERROR, inv, start, "could not move " + from + " to " + to + ": " + e);
    }
  }

  /**
   * Puts the caller's copy back when glexec did not create the user's sandbox, so that a retry
   * starts from the state SETUP expects. Returns a note for the result when that was impossible.
   */
  private static String restore(Path copy, Path sandbox) {
    if (Files.exists(sandbox, NOFOLLOW_LINKS)) {
      return "; the user's " + sandbox + " was partly created, the caller's files stay in " + copy;
    }
    try {
      Files.move(copy, sandbox);
      return "";
    } catch (IOException e) {
      return "; could not move " + copy + " back to " + sandbox + ": " + e;
    }
  }

  /** Deletes everything under {@code dir} except {@code keep} and the directories leading to it. */
  private void keepOnly(GlexecInvocation inv, Instant start, Path dir, Path keep) throws Aborted {
    try (Stream<Path> entries = Files.list(dir)) {
      for (Path entry : entries.toList()) {
        if (entry.equals(keep)) {
          continue;
        }
        if (keep.startsWith(entry) && Files.isDirectory(entry, NOFOLLOW_LINKS)) {
          keepOnly(inv, start, entry, keep);
        } else {
          deleteTree(entry);
        }
      }
    } catch (IOException e) {
      throw abort(
          AdapterFailure.IO_ERROR, inv, start, "glexec exited 0 but emptying " + dir + " (all but the proxy) failed: " + e);
    }
  }

  private static void deleteTree(Path root) throws IOException {
    Files.walkFileTree(
        root,
        new SimpleFileVisitor<>() {
          @Override
          public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) throws IOException {
            Files.delete(file);
            return FileVisitResult.CONTINUE;
          }

          @Override
          public FileVisitResult postVisitDirectory(Path d, IOException failure) throws IOException {
            if (failure != null) {
              throw failure;
            }
            Files.delete(d);
            return FileVisitResult.CONTINUE;
          }
        });
  }

  /** Writes the refreshed proxy next to the old one with mode 0600, then swaps it in atomically. */
  private void replaceProxy(GlexecInvocation inv, Instant start, Path old, Path refreshed) throws Aborted {
    Path staged = old.resolveSibling(old.getFileName() + ".update");
    try {
      Files.deleteIfExists(staged);
      Files.createFile(staged, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      try (OutputStream out = Files.newOutputStream(staged, StandardOpenOption.WRITE)) {
        Files.copy(refreshed, out);
      }
      try {
        Files.move(staged, old, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
      } catch (AtomicMoveNotSupportedException e) {
        Files.move(staged, old, StandardCopyOption.REPLACE_EXISTING);
      }
    } catch (IOException | UnsupportedOperationException e) {
      throw abort(
          AdapterFailure.IO_ERROR,
          inv,
          start,
          "glexec updated the user's proxy but replacing " + old + " with " + refreshed + " failed: " + e);
    }
  }

  private GlexecResult exited(Exchange x, Optional<String> account, Instant start, String note) {
    return GlexecResult.exited(x.status(), x.stderr() + note, account, took(start));
  }

  private Aborted abort(AdapterFailure why, GlexecInvocation inv, Instant start, String message) {
    return new Aborted(GlexecResult.failed(why, describe(inv) + ": " + message, took(start)));
  }

  private String describe(GlexecInvocation inv) {
    return inv.operation() + " via " + config.binary() + " (" + config.flavour() + ")";
  }

  private Duration remaining(Instant deadline) {
    Duration left = Duration.between(config.clock().instant(), deadline);
    return left.isNegative() ? Duration.ZERO : left;
  }

  private Duration took(Instant start) {
    Duration d = Duration.between(start, config.clock().instant());
    return d.isNegative() ? Duration.ZERO : d;
  }

  private static String lastLine(String text) {
    String body = text.stripTrailing();
    return body.substring(body.lastIndexOf('\n') + 1);
  }

  /** Ends a call early with its result; checked so that no path forgets to produce one. */
  private static final class Aborted extends Exception {
    final transient GlexecResult result;

    Aborted(GlexecResult result) {
      super(null, null, false, false);
      this.result = result;
    }
  }
}
