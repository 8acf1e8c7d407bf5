package org.pilotpool.glexec.sim;

import java.time.Duration;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.pilotpool.model.glexec.GlexecInvocation;

/**
 * What the command glexec runs does once authorized: tar for setup and cleanup, kill, the job
 * wrapper. The simulation of the pool decides; glexec only passes the outcome on.
 */
@FunctionalInterface
public interface CommandModel {

  /**
   * @param account the local account the command runs as
   * @param random the node's random stream, for models that draw
   */
  Outcome run(GlexecInvocation invocation, String account, RandomGenerator random);

  /**
   * How the command ended.
   *
   * @param exitStatus its exit status
   * @param runtime how long it ran
   * @param stderr what it wrote to standard error
   */
  record Outcome(int exitStatus, Duration runtime, String stderr) {
    public Outcome {
      Objects.requireNonNull(runtime, "runtime");
      Objects.requireNonNull(stderr, "stderr");
      if (runtime.isNegative()) {
        throw new IllegalArgumentException("negative runtime " + runtime);
      }
    }
  }

  /** Every command exits 0 at once. */
  static CommandModel succeeding() {
    return (invocation, account, random) -> new Outcome(0, Duration.ZERO, "");
  }
}
