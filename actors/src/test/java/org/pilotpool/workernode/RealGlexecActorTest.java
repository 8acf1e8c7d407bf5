package org.pilotpool.workernode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.glexec.GlexecPayloads;
import org.pilotpool.glexec.real.RealGlexecConfig;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecResult;

/** The glexec actor over the real adapter, on Pekko's ordinary dispatcher and the wall clock. */
class RealGlexecActorTest {
  @TempDir Path tmp;
  private ActorTestKit kit;
  private ProxyCredential proxy;

  @BeforeEach
  void start() throws Exception {
    kit = ActorTestKit.create();
    Path file = tmp.resolve("x509up");
    Files.writeString(file, "proxy\n");
    Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
    proxy = new ProxyCredential(file.toString(), "/DC=org/DC=example/CN=pilot", List.of(),
        Instant.parse("2100-01-01T00:00:00Z"));
  }

  @AfterEach
  void stop() {
    kit.shutdownTestKit();
  }

  /** A stand-in glexec that runs its command unchanged: enough to exercise the actor's plumbing. */
  private Path passThroughGlexec() throws Exception {
    Path bin = tmp.resolve("glexec");
    Files.writeString(bin, "#!/bin/sh\nexec \"$@\"\n");
    Files.setPosixFilePermissions(bin, PosixFilePermissions.fromString("rwx------"));
    return bin;
  }

  private ActorRef<GlexecActor.Command> glexecActor(Duration timeout) throws Exception {
    var config = RealGlexecConfig.of(passThroughGlexec(), timeout, RealGlexecConfig.Flavour.OSG,
        GlexecActor.blockingExecutor(kit.system()));
    return kit.spawn(GlexecActor.real(config.create()));
  }

  @Test
  void aCallReturnsItsResultToTheCaller() throws Exception {
    ActorRef<GlexecActor.Command> glexec = glexecActor(Duration.ofSeconds(20));
    TestProbe<GlexecCall> probe = kit.createTestProbe();
    glexec.tell(new GlexecActor.Invoke("v1", GlexecPayloads.resolvingBinSh().validate(proxy), probe.getRef()));

    GlexecCall.Returned r = assertInstanceOf(GlexecCall.Returned.class, probe.receiveMessage(Duration.ofSeconds(20)));
    assertEquals("v1", r.callId());
    assertTrue(r.result().succeeded(), r.result().toString());
  }

  @Test
  void aHungCallNeitherBlocksTheActorNorOutlivesItsTimeout() throws Exception {
    ActorRef<GlexecActor.Command> glexec = glexecActor(Duration.ofSeconds(3));
    TestProbe<GlexecCall> probe = kit.createTestProbe();
    Path sandbox = Files.createDirectory(tmp.resolve("sandbox"));
    glexec.tell(new GlexecActor.Invoke("hang",
        GlexecPayloads.resolvingBinSh().launch(proxy, proxy, sandbox, List.of("sleep", "60")), probe.getRef()));
    glexec.tell(new GlexecActor.Invoke("quick", GlexecPayloads.resolvingBinSh().validate(proxy), probe.getRef()));

    GlexecCall first = probe.receiveMessage(Duration.ofSeconds(20));
    GlexecCall second = probe.receiveMessage(Duration.ofSeconds(20));
    assertEquals("quick", first.callId(), "the quick call is answered while the other one hangs");
    assertEquals("hang", second.callId());
    GlexecCall.Returned hung = (GlexecCall.Returned) second;
    assertEquals(GlexecResult.AdapterFailure.TIMED_OUT, hung.result().failure().orElseThrow());
  }
}
