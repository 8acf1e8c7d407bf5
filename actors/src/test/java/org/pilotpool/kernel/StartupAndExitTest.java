package org.pilotpool.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;

class StartupAndExitTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** The child JVM's entry point: one simulation, then return from main without System.exit. */
  public static final class OneRun {
    public static void main(String[] args) {
      SimulationResult r = Simulation.create(ConfigFactory.empty(), EPOCH).run(
          Behaviors.<String>setup(ctx -> Behaviors.withTimers(t -> {
            t.startSingleTimer("x", Duration.ofHours(5));
            return Behaviors.receive(String.class).onAnyMessage(m -> Behaviors.stopped()).build();
          })),
          Duration.ofDays(1), ProgressListener.NONE);
      System.out.println("reached " + r.reached());
    }
  }

  @Test
  void repeatedStartsNeverWaitForTheLoggerTimeout() {
    // Pekko's logger start-up times out after 5 s; twenty starts within 60 s proves none stalled.
    assertTimeoutPreemptively(Duration.ofSeconds(60), () -> {
      for (int i = 0; i < 20; i++) {
        SimulationResult r = Simulation.create(ConfigFactory.empty(), EPOCH)
            .run(Behaviors.empty(), Duration.ofHours(1), ProgressListener.NONE);
        assertEquals(VirtualTimeKernel.Outcome.QUIESCENT, r.outcome());
      }
    });
  }

  @Test
  void theJvmExitsOnItsOwnWhenTheRunEnds() throws Exception {
    String java = System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    Process p = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"), OneRun.class.getName())
        .redirectErrorStream(true)
        .start();
    boolean exited = p.waitFor(60, TimeUnit.SECONDS);
    if (!exited) {
      p.destroyForcibly();
    }
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(exited, "child JVM still running after 60 s; output:\n" + out);
    assertEquals(0, p.exitValue(), out);
    assertTrue(out.contains("reached 2026-01-01T05:00:00Z"), out);
  }

  @Test
  void theRootActorStoppingEndsTheRunAtThatInstant() {
    SimulationResult r = Simulation.create(ConfigFactory.empty(), EPOCH).run(
        Behaviors.<String>setup(ctx -> Behaviors.withTimers(t -> {
          t.startSingleTimer("stop", Duration.ofMinutes(90));
          t.startSingleTimer("later", "never", Duration.ofHours(10));
          return Behaviors.receive(String.class)
              .onMessageEquals("stop", Behaviors::stopped)
              .build();
        })),
        Duration.ofDays(1), ProgressListener.NONE);
    assertEquals(VirtualTimeKernel.Outcome.STOPPED, r.outcome());
    assertEquals(Duration.ofMinutes(90), r.virtualElapsed());
  }
}
