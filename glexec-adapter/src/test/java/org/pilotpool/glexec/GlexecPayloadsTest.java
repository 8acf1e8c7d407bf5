package org.pilotpool.glexec;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;

/** The invocations carry the payload commands of HTCondor's helper scripts and glideinWMS. */
class GlexecPayloadsTest {
  private static final GlexecPayloads PAYLOADS = GlexecPayloads.withShell("/bin/sh");
  private static final Path SANDBOX = Path.of("/var/lib/condor/execute/dir_42");
  private static final ProxyCredential PILOT = proxy("/home/pilot/pilot.pem");
  private static final ProxyCredential KEPT = proxy("/var/lib/condor/execute/dir_42.condor/x509up");

  private static ProxyCredential proxy(String location) {
    return new ProxyCredential(location, "/DC=org/CN=Alice", List.of("/cms/Role=NULL"), Instant.parse("2030-01-01T00:00:00Z"));
  }

  @Test
  void setupInstallsTheSandboxAndUntarsIntoIt() {
    GlexecInvocation setup = PAYLOADS.setup(proxy(SANDBOX + "/x509up"), PILOT, SANDBOX);

    assertEquals(GlexecOperation.SETUP, setup.operation());
    assertEquals(List.of("/bin/sh", "-c",
        "install -m 755 -d '/var/lib/condor/execute/dir_42' && tar -C '/var/lib/condor/execute/dir_42' -x"),
        setup.command());
  }

  @Test
  void setupNamesTheProxyWhereItIsWhenGlexecReadsIt() {
    GlexecInvocation setup = PAYLOADS.setup(proxy(SANDBOX + "/x509up"), PILOT, SANDBOX);

    assertEquals(KEPT.location(), setup.payloadProxy().location());
    assertEquals(PILOT, setup.pilotProxy());
  }

  @Test
  void launchChangesIntoTheSandboxAndExecsTheCommand() {
    GlexecInvocation launch = PAYLOADS.launch(KEPT, PILOT, SANDBOX, List.of("condor_glexec_job_wrapper", "a b"));

    assertEquals(List.of("/bin/sh", "-c", "cd '/var/lib/condor/execute/dir_42' && exec \"$@\"", "sh",
        "condor_glexec_job_wrapper", "a b"), launch.command());
  }

  @Test
  void updateProxyCopiesUnderUmask077AndMovesIntoPlace() {
    GlexecInvocation update = PAYLOADS.updateProxy(KEPT, PILOT, SANDBOX, Path.of("/tmp/new.pem"));

    assertEquals(List.of("/bin/sh", "-c", "umask 077 && cat > '/var/lib/condor/execute/dir_42/x509up.copy' && mv "
        + "'/var/lib/condor/execute/dir_42/x509up.copy' '/var/lib/condor/execute/dir_42/x509up'"), update.command());
    assertEquals(KEPT, update.payloadProxy(), "authorized with the old proxy");
    assertEquals(Optional.of("/tmp/new.pem"), update.input());
  }

  @Test
  void killIsOneKillCommandForOnePid() {
    assertEquals(List.of("/bin/sh", "-c", "/bin/kill -9 31337"), PAYLOADS.kill(KEPT, PILOT, SANDBOX, 31337, 9).command());
  }

  @Test
  void killRefusesPidsThatWouldSignalGroupsOrInit() {
    assertThrows(IllegalArgumentException.class, () -> PAYLOADS.kill(KEPT, PILOT, SANDBOX, 1, 9));
    assertThrows(IllegalArgumentException.class, () -> PAYLOADS.kill(KEPT, PILOT, SANDBOX, -5, 9));
  }

  @Test
  void cleanupRemovesTheUsersProxyTarsAndRemovesTheSandbox() {
    assertEquals(List.of("/bin/sh", "-c", "rm -f '/var/lib/condor/execute/dir_42/x509up' && tar -C "
        + "'/var/lib/condor/execute/dir_42' -c . && rm -rf '/var/lib/condor/execute/dir_42'"),
        PAYLOADS.cleanup(KEPT, PILOT, SANDBOX).command());
  }

  @Test
  void validateIsGlideinWmsHelloWorldWithThePilotsOwnProxy() {
    GlexecInvocation validate = PAYLOADS.validate(PILOT);

    assertEquals(List.of("/bin/sh", "-c", "id && echo \"Hello World\""), validate.command());
    assertEquals(PILOT, validate.payloadProxy());
  }

  @Test
  void pathsWithQuotesStayOneShellWord() {
    assertEquals("'it'\\''s here'", GlexecPayloads.quote("it's here"));
  }

  @Test
  void condorCopyIsASiblingWithTheCondorSuffix() {
    assertEquals(Path.of("/var/lib/condor/execute/dir_42.condor"), GlexecPayloads.condorCopy(Path.of("/var/lib/condor/execute/dir_42/")));
  }
}
