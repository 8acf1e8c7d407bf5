package org.pilotpool.glexec.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.glexec.Glexec;
import org.pilotpool.glexec.GlexecPayloads;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.glexec.GlexecResult.AdapterFailure;

/** A sandbox's life through glexec: SETUP, LAUNCH, UPDATE_PROXY, KILL, CLEANUP. */
class RealGlexecSandboxTest {
  private static final GlexecPayloads PAYLOADS = GlexecPayloads.resolvingBinSh();
  private static final String ROOT_ONLY = "switching to a pool account needs root; as another user the emulator runs "
      + "payloads as the caller and ownership cannot change";
  private static ExecutorService executor;

  @TempDir Path dir;
  private EmulatedSite site;
  private Glexec glexec;
  private Path sandbox;
  private ProxyCredential pilot;
  private ProxyCredential user;

  @BeforeAll
  static void startExecutor() {
    executor = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopExecutor() {
    executor.shutdownNow();
  }

  @BeforeEach
  void sandboxWithFiles() throws IOException {
    site = EmulatedSite.create(dir, true);
    glexec = site.config(executor).create();
    pilot = site.pilotProxy();
    sandbox = site.execute.resolve("dir_1234");
    Files.createDirectory(sandbox);
    user = site.proxy(sandbox.resolve("x509up"), EmulatedSite.USER_DN);
    Files.writeString(sandbox.resolve("condor_exec.exe"), "#!/bin/sh\necho hello\n");
    Files.createDirectories(sandbox.resolve("input/nested"));
    Files.writeString(sandbox.resolve("input/nested/data.txt"), "payload input\n");
  }

  private GlexecResult call(GlexecInvocation invocation) throws Exception {
    return glexec.invoke(invocation).toCompletableFuture().get(90, TimeUnit.SECONDS);
  }

  /** Runs SETUP and returns the proxy of reference from then on (in the caller's copy). */
  private ProxyCredential setUp() throws Exception {
    GlexecInvocation setup = PAYLOADS.setup(user, pilot, sandbox);
    GlexecResult result = call(setup);
    assertTrue(result.succeeded(), result::toString);
    return setup.payloadProxy();
  }

  private static String ownerOf(Path p) throws IOException {
    return Files.getOwner(p, LinkOption.NOFOLLOW_LINKS).getName();
  }

  @Test
  void setupUnpacksTheSandboxAndKeepsOnlyTheProxyInTheCallersCopy() throws Exception {
    ProxyCredential kept = setUp();

    Path copy = GlexecPayloads.condorCopy(sandbox);
    assertEquals("payload input\n", Files.readString(sandbox.resolve("input/nested/data.txt")));
    assertEquals(Files.readString(Path.of(kept.location())), Files.readString(sandbox.resolve("x509up")));
    try (Stream<Path> left = Files.list(copy)) {
      assertEquals(List.of(copy.resolve("x509up")), left.toList());
    }
  }

  @Test
  void setupHandsTheSandboxToThePoolAccount() throws Exception {
    assumeTrue(PoolAccounts.runningAsRoot(), ROOT_ONLY);

    setUp();

    assertEquals(PoolAccounts.USER_ACCOUNT, ownerOf(sandbox));
    assertEquals(PoolAccounts.USER_ACCOUNT, ownerOf(sandbox.resolve("input/nested/data.txt")));
    assertEquals("rwxr-xr-x", PosixFilePermissions.toString(Files.getPosixFilePermissions(sandbox)));
  }

  @Test
  void cleanupBringsBackEverythingTheJobWroteAndRemovesTheCopy() throws Exception {
    ProxyCredential kept = setUp();
    GlexecResult job = call(PAYLOADS.launch(kept, pilot, sandbox, List.of(PAYLOADS.shell(), "-c", "echo done > output.txt")));
    assertTrue(job.succeeded(), job::toString);

    GlexecResult result = call(PAYLOADS.cleanup(kept, pilot, sandbox));

    assertTrue(result.succeeded(), result::toString);
    assertFalse(Files.exists(GlexecPayloads.condorCopy(sandbox)));
    assertEquals("done\n", Files.readString(sandbox.resolve("output.txt")));
    assertEquals("payload input\n", Files.readString(sandbox.resolve("input/nested/data.txt")));
    assertEquals(Files.readString(Path.of(user.location())), Files.readString(sandbox.resolve("x509up")));
  }

  @Test
  void cleanupGivesTheSandboxBackToTheCaller() throws Exception {
    assumeTrue(PoolAccounts.runningAsRoot(), ROOT_ONLY);
    ProxyCredential kept = setUp();
    call(PAYLOADS.launch(kept, pilot, sandbox, List.of(PAYLOADS.shell(), "-c", "echo done > output.txt")));
    assertEquals(PoolAccounts.USER_ACCOUNT, ownerOf(sandbox.resolve("output.txt")));

    call(PAYLOADS.cleanup(kept, pilot, sandbox));

    String caller = System.getProperty("user.name");
    try (Stream<Path> all = Files.walk(sandbox)) {
      for (Path p : all.toList()) {
        assertEquals(caller, ownerOf(p), p.toString());
      }
    }
  }

  @Test
  void deniedSetupLeavesTheCallersSandboxInPlaceForARetry() throws Exception {
    site.ban(EmulatedSite.USER_DN);

    GlexecResult result = call(PAYLOADS.setup(user, pilot, sandbox));

    assertEquals(203, result.exitStatus());
    assertFalse(Files.exists(GlexecPayloads.condorCopy(sandbox)));
    assertTrue(Files.exists(sandbox.resolve("input/nested/data.txt")));
  }

  @Test
  void cleanupWithoutSetupIsAnAdapterError() throws Exception {
    GlexecResult result = call(PAYLOADS.cleanup(user, pilot, sandbox));

    assertEquals(Optional.of(AdapterFailure.IO_ERROR), result.failure());
    assertTrue(result.stderr().contains("no SETUP ran"), result.stderr());
  }

  @Test
  void updateProxyReplacesBothTheUsersAndTheCallersCopy() throws Exception {
    ProxyCredential kept = setUp();
    Path refreshed = dir.resolve("staged/refreshed.pem");
    site.proxy(refreshed, EmulatedSite.USER_DN);
    Files.writeString(refreshed, "extended lifetime\n", StandardOpenOption.APPEND);

    GlexecResult result = call(PAYLOADS.updateProxy(kept, pilot, sandbox, refreshed));

    assertTrue(result.succeeded(), result::toString);
    String expected = Files.readString(refreshed);
    assertEquals(expected, Files.readString(sandbox.resolve("x509up")));
    assertEquals(expected, Files.readString(Path.of(kept.location())));
    assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(Path.of(kept.location()))));
  }

  @Test
  void killSignalsTheJobsProcess() throws Exception {
    ProxyCredential kept = setUp();
    Process job = EmulatedSite.sleeperOwnedBy(PoolAccounts.USER_ACCOUNT);

    GlexecResult result = call(PAYLOADS.kill(kept, pilot, sandbox, job.pid(), 15));

    assertTrue(result.succeeded(), result::toString);
    assertTrue(job.waitFor(30, TimeUnit.SECONDS), "the job still runs");
    assertEquals(128 + 15, job.exitValue());
  }

  @Test
  void updateProxyWithoutTheRefreshedProxyIsRefusedBeforeGlexecRuns() throws Exception {
    ProxyCredential kept = setUp();
    String before = Files.readString(sandbox.resolve("x509up"));
    GlexecInvocation noInput = new GlexecInvocation(GlexecOperation.UPDATE_PROXY, kept, pilot,
        PAYLOADS.updateProxy(kept, pilot, sandbox, dir.resolve("unused")).command(), sandbox.toString());

    GlexecResult result = call(noInput);

    assertEquals(Optional.of(AdapterFailure.IO_ERROR), result.failure());
    assertEquals(before, Files.readString(sandbox.resolve("x509up")), "the user's proxy must not be emptied");
  }
}
