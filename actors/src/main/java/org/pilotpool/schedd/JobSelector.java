package org.pilotpool.schedd;

import java.time.Instant;
import java.util.Objects;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.classad.Value;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.Job;

/**
 * Which jobs a {@code condor_rm}, {@code condor_hold} or {@code condor_release} acts on: one job,
 * a cluster, an owner's jobs, or the jobs whose ad satisfies a constraint expression.
 */
public sealed interface JobSelector {
  /** Whether the job is selected, with {@code now} as the ad's {@code CurrentTime}. */
  boolean selects(Job job, Instant now);

  /** One job, {@code cluster.proc}. */
  record ById(JobId id) implements JobSelector {
    @Override
    public boolean selects(Job job, Instant now) {
      return job.id().equals(id);
    }
  }

  /** Every job of a cluster. */
  record ByCluster(int cluster) implements JobSelector {
    @Override
    public boolean selects(Job job, Instant now) {
      return job.id().cluster() == cluster;
    }
  }

  /** Every job of an owner. */
  record ByOwner(String owner) implements JobSelector {
    public ByOwner {
      Objects.requireNonNull(owner, "owner");
    }

    @Override
    public boolean selects(Job job, Instant now) {
      return job.owner().equals(owner);
    }
  }

  /**
   * The jobs whose ad makes the constraint true (HTCondor's {@code -constraint}: UNDEFINED and
   * ERROR select nothing, a non-zero number counts as true).
   */
  record ByConstraint(Expr constraint) implements JobSelector {
    public ByConstraint {
      Objects.requireNonNull(constraint, "constraint");
    }

    /**
     * @throws org.pilotpool.model.input.BadInputException naming {@code constraint} when the text
     *     does not parse
     */
    public static ByConstraint parse(String text) {
      return new ByConstraint(Expr.parse("constraint", text));
    }

    @Override
    public boolean selects(Job job, Instant now) {
      return PolicyValue.of(constraint.evaluate(job.toClassAd(now), null)) == PolicyValue.TRUE;
    }
  }

  /** A ClassAd value read as a policy does: true, false, or neither. */
  enum PolicyValue {
    TRUE,
    FALSE,
    UNDEFINED;

    /** HTCondor's reading: booleans as they are, numbers true when non-zero (reals truncated). */
    static PolicyValue of(Value v) {
      if (v.isBoolean()) {
        return v.asBoolean() ? TRUE : FALSE;
      }
      if (v.isInteger()) {
        return v.asLong() != 0 ? TRUE : FALSE;
      }
      if (v.isReal()) {
        return (long) v.asDouble() != 0 ? TRUE : FALSE;
      }
      return UNDEFINED;
    }
  }
}
