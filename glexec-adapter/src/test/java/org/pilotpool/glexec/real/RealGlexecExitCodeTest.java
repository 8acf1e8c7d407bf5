package org.pilotpool.glexec.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.pilotpool.glexec.GlexecPayloads;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecExitCode;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;

/** Every exit status glexec can return reaches the caller classified, in linger and exec mode. */
class RealGlexecExitCodeTest {
  private static ExecutorService executor;
  private static final GlexecPayloads PAYLOADS = GlexecPayloads.resolvingBinSh();

  @TempDir Path dir;

  @BeforeAll
  static void startExecutor() {
    executor = Executors.newCachedThreadPool();
  }

  @AfterAll
  static void stopExecutor() {
    executor.shutdownNow();
  }

  private EmulatedSite site(boolean linger) throws IOException {
    return EmulatedSite.create(dir, linger);
  }

  private static GlexecResult run(EmulatedSite site, GlexecInvocation invocation) throws Exception {
    return site.config(executor).create().invoke(invocation).toCompletableFuture().get(90, TimeUnit.SECONDS);
  }

  private static GlexecInvocation launch(EmulatedSite site, ProxyCredential payload, Path sandbox, String... command)
      throws IOException {
    return PAYLOADS.launch(payload, site.pilotProxy(), sandbox, List.of(command));
  }

  private GlexecResult launchShell(EmulatedSite site, String script) throws Exception {
    return run(site, launch(site, site.userProxy(), site.openSandbox("sandbox"), PAYLOADS.shell(), "-c", script));
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void payloadThatSucceedsGivesSuccess(boolean linger) throws Exception {
    GlexecResult result = launchShell(site(linger), "exit 0");

    assertTrue(result.succeeded(), result::toString);
    assertEquals(GlexecExitCode.SUCCESS, result.code());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void payloadsOwnNonZeroStatusComesBackUnchanged(boolean linger) throws Exception {
    GlexecResult result = launchShell(site(linger), "exit 7");

    assertEquals(7, result.exitStatus());
    assertEquals(GlexecExitCode.PAYLOAD_EXIT, result.code());
    assertTrue(result.failure().isEmpty());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void missingClientCertificateIsClientError(boolean linger) throws Exception {
    EmulatedSite site = site(linger);
    ProxyCredential absent = new ProxyCredential(dir.resolve("nowhere.pem").toString(), EmulatedSite.USER_DN, List.of(),
        site.userProxy().notAfter());

    GlexecResult result = run(site, launch(site, absent, site.openSandbox("sandbox"), "/bin/true"));

    assertEquals(GlexecExitCode.CLIENT_ERROR, result.code());
    assertTrue(result.stderr().contains("cannot read proxy"), result.stderr());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void clientCertificateReadableByGroupIsClientError(boolean linger) throws Exception {
    EmulatedSite site = site(linger);
    ProxyCredential proxy = site.userProxy();
    Files.setPosixFilePermissions(Path.of(proxy.location()), PosixFilePermissions.fromString("rw-r-----"));

    GlexecResult result = run(site, launch(site, proxy, site.openSandbox("sandbox"), "/bin/true"));

    assertEquals(201, result.exitStatus());
    assertTrue(result.stderr().contains("wider than 0700"), result.stderr());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void brokenGlexecConfigurationIsSystemError(boolean linger) throws Exception {
    EmulatedSite site = site(linger).set("system_error", "yes");

    GlexecResult result = run(site, launch(site, site.userProxy(), site.openSandbox("sandbox"), "/bin/true"));

    assertEquals(GlexecExitCode.SYSTEM_ERROR, result.code());
    assertEquals(202, result.exitStatus());
    assertTrue(result.failure().isEmpty(), "202 came from glexec, not from the adapter");
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void bannedUserIsAuthorizationError(boolean linger) throws Exception {
    EmulatedSite site = site(linger);
    site.ban(EmulatedSite.USER_DN);

    GlexecResult result = run(site, launch(site, site.userProxy(), site.openSandbox("sandbox"), "/bin/true"));

    assertEquals(GlexecExitCode.AUTHORIZATION_ERROR, result.code());
    assertTrue(result.stderr().contains("banned"), result.stderr());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void unmappedUserIsAuthorizationError(boolean linger) throws Exception {
    EmulatedSite site = site(linger);
    ProxyCredential stranger = site.proxy(dir.resolve("proxies/stranger.pem"), "/DC=org/CN=Nobody Mapped");

    GlexecResult result = run(site, launch(site, stranger, site.openSandbox("sandbox"), "/bin/true"));

    assertEquals(203, result.exitStatus());
    assertTrue(result.stderr().contains("no mapping"), result.stderr());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void payloadExitingWithAGlexecCodeIsRemappedOnlyByALingeringGlexec(boolean linger) throws Exception {
    GlexecResult result = launchShell(site(linger), "exit 202");

    assertEquals(linger ? 204 : 202, result.exitStatus());
    assertEquals(linger ? GlexecExitCode.PAYLOAD_CODE_COLLISION : GlexecExitCode.SYSTEM_ERROR, result.code());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void commandThatCannotBeExecutedGives126(boolean linger) throws Exception {
    EmulatedSite site = site(linger);
    // Executable bits, but its interpreter cannot be executed: execve fails with EACCES.
    Path unrunnable = site.fakeGlexec("unrunnable", "");
    Files.writeString(unrunnable, "#!/dev/null\n");

    GlexecResult result = run(site, launch(site, site.userProxy(), site.openSandbox("sandbox"), unrunnable.toString()));

    assertEquals(GlexecExitCode.NOT_EXECUTABLE, result.code());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void missingCommandIsClientError(boolean linger) throws Exception {
    EmulatedSite site = site(linger);
    // glexec itself runs the payload command, so a glexec call whose command is missing is refused.
    GlexecInvocation invocation = new GlexecInvocation(
        GlexecOperation.LAUNCH, site.userProxy(), site.pilotProxy(),
        List.of(dir.resolve("no-such-wrapper").toString()), site.openSandbox("sandbox").toString());

    GlexecResult result = run(site, invocation);

    assertEquals(201, result.exitStatus());
    assertTrue(result.stderr().contains("does not exist"), result.stderr());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void mappedAccountIsReadFromGlexecsLogLine(boolean linger) throws Exception {
    EmulatedSite site = site(linger).set("log_stderr", "yes");

    GlexecResult result = launchShell(site, "exit 0");

    assertEquals(Optional.of(PoolAccounts.USER_ACCOUNT), result.mappedAccount());
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void mappedAccountStaysEmptyWhenGlexecDoesNotTell(boolean linger) throws Exception {
    GlexecResult result = launchShell(site(linger), "exit 0");

    assertEquals(Optional.empty(), result.mappedAccount());
  }
}
