package org.pilotpool.model.job;

import java.time.Duration;
import java.util.Objects;

/**
 * What the payload will do once started, known to the simulation and not to HTCondor: how long it
 * runs and how many processes its family holds (the procd kills each with one glexec call).
 */
public record JobProfile(Duration runTime, int processFamilySize) {
  public JobProfile {
    Objects.requireNonNull(runTime, "runTime");
    if (runTime.isNegative()) {
      throw new IllegalArgumentException("run time must not be negative: " + runTime);
    }
    if (processFamilySize < 1) {
      throw new IllegalArgumentException(
          "a process family has at least one process: " + processFamilySize);
    }
  }
}
