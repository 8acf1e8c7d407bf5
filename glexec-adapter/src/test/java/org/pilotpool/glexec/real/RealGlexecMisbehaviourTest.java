package org.pilotpool.glexec.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pilotpool.glexec.GlexecPayloads;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.glexec.GlexecResult.AdapterFailure;

/**
 * A glexec that is missing, not executable, hangs or floods its output still gives a classified
 * result, promptly, with nothing left running.
 */
class RealGlexecMisbehaviourTest {
  private static final GlexecPayloads PAYLOADS = GlexecPayloads.resolvingBinSh();
  private static final Duration SHORT = Duration.ofSeconds(1);
  private static ExecutorService executor;

  @TempDir Path dir;

  @BeforeAll
  static void startExecutor() {
    executor = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopExecutor() {
    executor.shutdownNow();
  }

  private GlexecResult launchWith(EmulatedSite site, Path binary, Duration timeout, String script) throws Exception {
    RealGlexecConfig config =
        new RealGlexecConfig(binary, timeout, RealGlexecConfig.Flavour.OSG, executor, site.config(executor).clock(),
            site.config(executor).searchPath(), site.config(executor).extraEnvironment());
    return config.create()
        .invoke(PAYLOADS.launch(site.userProxy(), site.pilotProxy(), site.openSandbox("sandbox"),
            List.of(PAYLOADS.shell(), "-c", script)))
        .toCompletableFuture()
        .get(90, TimeUnit.SECONDS);
  }

  @Test
  void missingBinaryIsReportedUnavailable() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);

    GlexecResult result = launchWith(site, dir.resolve("sbin/glexec"), SHORT, "exit 0");

    assertEquals(Optional.of(AdapterFailure.BINARY_UNAVAILABLE), result.failure());
    assertTrue(result.stderr().contains("does not exist"), result.stderr());
  }

  @Test
  void binaryWithoutExecuteBitsIsReportedUnavailable() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    Files.setPosixFilePermissions(site.glexec, PosixFilePermissions.fromString("rw-r--r--"));

    GlexecResult result = launchWith(site, site.glexec, SHORT, "exit 0");

    assertEquals(Optional.of(AdapterFailure.BINARY_UNAVAILABLE), result.failure());
    assertTrue(result.stderr().contains("not executable"), result.stderr());
  }

  @Test
  void hangingGlexecIsKilledWithItsChildrenAfterTheTimeout() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    Path pids = dir.resolve("hang.pids");
    Path hanging = site.fakeGlexec("hanging-glexec", "sleep 600 &\necho \"$$ $!\" > " + pids + "\nwait");

    GlexecResult result = launchWith(site, hanging, SHORT, "exit 0");

    assertEquals(Optional.of(AdapterFailure.TIMED_OUT), result.failure());
    for (String pid : Files.readString(pids).trim().split(" ")) {
      assertTrue(EmulatedSite.waitGone(Long.parseLong(pid)), "process " + pid + " still runs");
    }
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void hangingPayloadIsKilledAfterTheTimeout(boolean linger) throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, linger);
    Path pidFile = site.execute.resolve("payload.pid");

    GlexecResult result = launchWith(site, site.glexec, SHORT, "echo $$ > " + pidFile + "; exec sleep 600");

    assertEquals(Optional.of(AdapterFailure.TIMED_OUT), result.failure());
    long payload = Long.parseLong(Files.readString(pidFile).trim());
    assertTrue(EmulatedSite.waitGone(payload), "payload " + payload + " still runs");
  }

  @Test
  void garbageOutputComesBackAsPrintableText() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    Path noisy = site.fakeGlexec("noisy-glexec", "head -c 4096 /dev/urandom\nhead -c 4096 /dev/urandom >&2\nexit 0");

    GlexecResult result = launchWith(site, noisy, Duration.ofSeconds(30), "exit 0");

    assertEquals(0, result.exitStatus());
    assertFalse(result.stderr().isEmpty());
    assertTrue(result.stderr().chars().noneMatch(c -> Character.isISOControl(c) && c != '\n' && c != '\t'),
        "control characters must not reach the operator");
  }

  @Test
  void hugeOutputIsDrainedAndOnlyItsTailKept() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    Path flood = site.fakeGlexec("flooding-glexec",
        "head -c 20000000 /dev/zero\nhead -c 3000000 /dev/zero | tr '\\0' x >&2\necho the-real-error >&2\nexit 3");

    GlexecResult result = launchWith(site, flood, Duration.ofSeconds(60), "exit 0");

    assertEquals(3, result.exitStatus());
    assertTrue(result.stderr().length() < 70_000, "stderr kept: " + result.stderr().length());
    assertTrue(result.stderr().startsWith("["), "says that bytes were dropped");
    assertTrue(result.stderr().endsWith("the-real-error"), "keeps the last line");
  }

  @Test
  void saturatedExecutorGivesAResultInsteadOfAnException() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    RealGlexecConfig emulated = site.config(executor);
    RealGlexecConfig refusing = new RealGlexecConfig(site.glexec, SHORT, RealGlexecConfig.Flavour.OSG,
        task -> {
          throw new RejectedExecutionException("queue full");
        },
        emulated.clock(), emulated.searchPath(), emulated.extraEnvironment());

    GlexecResult result = refusing.create().invoke(PAYLOADS.validate(site.pilotProxy())).toCompletableFuture()
        .get(90, TimeUnit.SECONDS);

    assertEquals(Optional.of(AdapterFailure.IO_ERROR), result.failure());
    assertTrue(result.stderr().contains("queue full"), result.stderr());
  }
}
