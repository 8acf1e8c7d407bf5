package org.pilotpool.glexec.real;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.pilotpool.glexec.Glexec;
import org.pilotpool.glexec.GlexecPayloads;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecResult;

/**
 * Every call, at OSG and EGI sites alike, hands glexec the payload proxy as the client certificate,
 * the pilot proxy as {@code X509_USER_PROXY} (Argus's second credential) and {@code /dev/null} as
 * the target proxy, in an otherwise clean environment.
 */
class RealGlexecEnvironmentTest {
  private static final GlexecPayloads PAYLOADS = GlexecPayloads.resolvingBinSh();
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

  private static GlexecResult call(Glexec glexec, GlexecInvocation invocation) throws Exception {
    return glexec.invoke(invocation).toCompletableFuture().get(90, TimeUnit.SECONDS);
  }

  @ParameterizedTest
  @EnumSource(RealGlexecConfig.Flavour.class)
  void everyOperationGetsPayloadProxyPilotProxyAndNoTargetProxy(RealGlexecConfig.Flavour flavour) throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    Glexec glexec = site.config(executor, Duration.ofSeconds(60), flavour).create();
    ProxyCredential pilot = site.pilotProxy();
    Path sandbox = site.execute.resolve("dir_4711");
    Files.createDirectory(sandbox);
    ProxyCredential user = site.proxy(sandbox.resolve("x509up"), EmulatedSite.USER_DN);
    Path refreshed = dir.resolve("refreshed.pem");
    site.proxy(refreshed, EmulatedSite.USER_DN);
    Process sleeper = EmulatedSite.sleeperOwnedBy(PoolAccounts.USER_ACCOUNT);

    GlexecInvocation setup = PAYLOADS.setup(user, pilot, sandbox);
    ProxyCredential kept = setup.payloadProxy();
    List<GlexecInvocation> calls = List.of(
        setup,
        PAYLOADS.launch(kept, pilot, sandbox, List.of("/bin/true")),
        PAYLOADS.updateProxy(kept, pilot, sandbox, refreshed),
        PAYLOADS.kill(kept, pilot, sandbox, sleeper.pid(), 15),
        PAYLOADS.cleanup(kept, pilot, sandbox),
        PAYLOADS.validate(pilot));
    List<Runnable> checks = new ArrayList<>();
    for (GlexecInvocation invocation : calls) {
      Files.deleteIfExists(site.envDump);
      GlexecResult result = call(glexec, invocation);
      Map<String, String> env = site.receivedEnvironment();
      String op = invocation.operation().toString();
      checks.add(() -> assertTrue(result.succeeded(), op + ": " + result));
      checks.add(() -> assertEquals(invocation.payloadProxy().location(), env.get("GLEXEC_CLIENT_CERT"), op));
      checks.add(() -> assertEquals(pilot.location(), env.get("X509_USER_PROXY"), op));
      checks.add(() -> assertEquals("/dev/null", env.get("GLEXEC_TARGET_PROXY"), op));
      checks.add(() -> assertFalse(env.containsKey("HOME"), op + ": glexec starts from a clean environment"));
    }
    sleeper.destroyForcibly();
    assertAll(checks.stream().map(c -> c::run));
  }

  @Test
  void payloadSeesOnlyWhatGlexecPassesOn() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    Path sandbox = site.openSandbox("dir_1");
    Path dump = sandbox.resolve("payload.env");

    GlexecResult result = call(site.config(executor).create(), PAYLOADS.launch(site.userProxy(), site.pilotProxy(), sandbox,
        List.of(PAYLOADS.shell(), "-c", "env > payload.env")));

    assertTrue(result.succeeded(), result::toString);
    Map<String, String> glexecSaw = site.receivedEnvironment();
    Map<String, String> payloadSaw = EmulatedSite.parseEnv(dump);
    assertEquals("wiped-by-glexec", glexecSaw.get("PILOTPOOL_TEST_MARKER"));
    assertFalse(payloadSaw.containsKey("PILOTPOOL_TEST_MARKER"), "glexec wipes all but GLEXEC_* and its whitelist");
    assertEquals("/dev/null", payloadSaw.get("X509_USER_PROXY"), "GLEXEC_TARGET_PROXY=/dev/null leaves no proxy copy");
    assertEquals(PoolAccounts.USER_ACCOUNT, payloadSaw.get("USER"));
    assertTrue(payloadSaw.containsKey("GLEXEC_CLIENT_CERT"));
  }
}
