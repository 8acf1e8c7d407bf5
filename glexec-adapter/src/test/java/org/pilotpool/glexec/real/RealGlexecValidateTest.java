package org.pilotpool.glexec.real;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

/** glideinWMS's validation passes only on exit 0 with "Hello World" as the last line. */
class RealGlexecValidateTest {
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

  private GlexecResult validate(EmulatedSite site, Path binary) throws Exception {
    RealGlexecConfig emulated = site.config(executor);
    RealGlexecConfig config = new RealGlexecConfig(binary, Duration.ofSeconds(60), RealGlexecConfig.Flavour.EGI,
        executor, emulated.clock(), emulated.searchPath(), emulated.extraEnvironment());
    return config.create().invoke(PAYLOADS.validate(site.pilotProxy())).toCompletableFuture().get(90, TimeUnit.SECONDS);
  }

  @ParameterizedTest(name = "linger={0}")
  @ValueSource(booleans = {true, false})
  void workingGlexecPassesAndRevealsThePilotsAccount(boolean linger) throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, linger);

    GlexecResult result = validate(site, site.glexec);

    assertTrue(result.succeeded(), result::toString);
    assertEquals(Optional.of(PoolAccounts.effective(PoolAccounts.PILOT_ACCOUNT)), result.mappedAccount());
  }

  @Test
  void exitZeroWithoutHelloWorldLastFails() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    Path liar = site.fakeGlexec("liar-glexec", "echo 'uid=0(root) gid=0(root)'\necho 'Hello World'\necho 'bye'\nexit 0");

    GlexecResult result = validate(site, liar);

    assertFalse(result.succeeded());
    assertEquals(0, result.exitStatus());
    assertEquals(Optional.of(AdapterFailure.UNEXPECTED_OUTPUT), result.failure());
    assertTrue(result.stderr().contains("\"bye\""), result.stderr());
  }

  @Test
  void garbageOutputFailsValidation() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    Path noisy = site.fakeGlexec("noisy-glexec", "head -c 2048 /dev/urandom\nexit 0");

    GlexecResult result = validate(site, noisy);

    assertEquals(Optional.of(AdapterFailure.UNEXPECTED_OUTPUT), result.failure());
  }

  @Test
  void bannedPilotFailsWithGlexecsOwnCode() throws Exception {
    EmulatedSite site = EmulatedSite.create(dir, true);
    site.ban(EmulatedSite.PILOT_DN);

    GlexecResult result = validate(site, site.glexec);

    assertEquals(203, result.exitStatus());
    assertTrue(result.failure().isEmpty());
  }
}
