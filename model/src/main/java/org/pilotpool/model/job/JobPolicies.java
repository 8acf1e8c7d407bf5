package org.pilotpool.model.job;

import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.classad.Expr;

/**
 * A job's own periodic policy expressions from its submit description: {@code periodic_hold},
 * {@code periodic_release} and {@code periodic_remove}, in the ad as {@code PeriodicHold},
 * {@code PeriodicRelease} and {@code PeriodicRemove}.
 */
public record JobPolicies(
    Optional<Expr> periodicHold, Optional<Expr> periodicRelease, Optional<Expr> periodicRemove) {
  /** No job policy: only the schedd's SYSTEM_PERIODIC_* expressions apply. */
  public static final JobPolicies NONE =
      new JobPolicies(Optional.empty(), Optional.empty(), Optional.empty());

  public JobPolicies {
    Objects.requireNonNull(periodicHold, "periodicHold");
    Objects.requireNonNull(periodicRelease, "periodicRelease");
    Objects.requireNonNull(periodicRemove, "periodicRemove");
  }
}
