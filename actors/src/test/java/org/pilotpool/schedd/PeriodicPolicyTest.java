package org.pilotpool.schedd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.Hold;
import org.pilotpool.model.job.HoldReasonCode;
import org.pilotpool.model.job.JobStatus;

class PeriodicPolicyTest {
  private static final String RELEASE_GLEXEC_HOLDS =
      "HoldReasonCode == 28 && CurrentTime - EnteredCurrentStatus > 300";

  private static JobId heldByGlexecSetup(ScheddFixture f, JobSubmission submission) {
    JobId id = f.schedd.submit(submission).get(0);
    f.run(List.of(id));
    f.schedd.jobExited(id, f.slotOf(id), new ShadowOutcome.ShouldHold(
        new Hold(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_USER, 768, "setup failed")));
    return id;
  }

  @Test
  void periodicReleaseReleasesAHeldJobAtTheFirstEvaluationAfterItsConditionHolds() {
    ScheddFixture f = new ScheddFixture(ScheddConfig.defaults());
    JobId id = heldByGlexecSetup(f,
        ScheddFixture.submission("alice", 1).withPeriodic(null, RELEASE_GLEXEC_HOLDS, null));
    f.port.advance(Duration.ofSeconds(300));
    assertEquals(JobStatus.HELD, f.schedd.job(id).orElseThrow().status());
    f.port.advance(Duration.ofSeconds(60));
    assertEquals(JobStatus.IDLE, f.schedd.job(id).orElseThrow().status());
    JobEvent.Released released = (JobEvent.Released) f.port.userLog()
        .get(f.port.userLog().size() - 1);
    assertEquals(Duration.ofSeconds(360), Duration.between(FakeScheddPort.EPOCH, released.time()));
    assertEquals(Optional.of("The job attribute PeriodicRelease expression '"
        + "HoldReasonCode == 28 && CurrentTime - EnteredCurrentStatus > 300' evaluated to TRUE"),
        released.reason());
  }

  @Test
  void systemPeriodicRemoveRemovesHeldJobsWithTheSystemMacroReason() {
    ScheddFixture f = new ScheddFixture(ScheddConfig.defaults().withPeriodicPolicy(
        Duration.ofSeconds(60), null, null, "JobStatus == 5 && NumJobStarts >= 1"));
    JobId id = heldByGlexecSetup(f, ScheddFixture.submission("alice", 1));
    f.port.advance(Duration.ofSeconds(60));
    assertTrue(f.schedd.job(id).isEmpty());
    JobEvent.Aborted aborted = (JobEvent.Aborted) f.port.userLog()
        .get(f.port.userLog().size() - 1);
    assertTrue(aborted.reason().orElseThrow().startsWith(
        "The system macro SYSTEM_PERIODIC_REMOVE expression"), aborted.reason().orElseThrow());
  }

  @Test
  void periodicHoldHoldsARunningJobWithCodeJobPolicyThroughTheActionQueue() {
    ScheddFixture f = new ScheddFixture(ScheddConfig.defaults());
    JobId id = f.schedd.submit(ScheddFixture.submission("alice", 1)
        .withPeriodic("JobStatus == 2 && CurrentTime - EnteredCurrentStatus > 100", null, null))
        .get(0);
    f.run(List.of(id));
    f.port.advance(Duration.ofSeconds(120));
    assertEquals(Optional.of(HoldReasonCode.JOB_POLICY),
        f.schedd.job(id).orElseThrow().holdReasonCode());
    assertEquals(ScheddEffect.KillReason.HOLD,
        f.port.effects(ScheddEffect.KillJob.class).get(0).reason());
  }

  @Test
  void periodicExpressionThatIsUndefinedHoldsWithCodeJobPolicyUndefined() {
    ScheddFixture f = new ScheddFixture(ScheddConfig.defaults());
    JobId id = f.schedd.submit(ScheddFixture.submission("alice", 1)
        .withPeriodic(null, null, "NoSuchAttribute > 3")).get(0);
    f.port.advance(Duration.ofSeconds(60));
    assertEquals(Optional.of(HoldReasonCode.JOB_POLICY_UNDEFINED),
        f.schedd.job(id).orElseThrow().holdReasonCode());
  }

  @Test
  void periodicPolicyIsEvaluatedEveryPeriodicExprInterval() {
    ScheddFixture f = new ScheddFixture(ScheddConfig.defaults().withPeriodicPolicy(
        Duration.ofSeconds(20), "CurrentTime - QDate >= 50", null, null));
    JobId id = f.submit("alice", 1).get(0);
    f.port.advance(Duration.ofSeconds(59));
    assertEquals(JobStatus.IDLE, f.schedd.job(id).orElseThrow().status());
    f.port.advance(Duration.ofSeconds(1));
    assertEquals(Optional.of(HoldReasonCode.SYSTEM_POLICY),
        f.schedd.job(id).orElseThrow().holdReasonCode());
    assertEquals(FakeScheddPort.EPOCH.plusSeconds(60),
        f.schedd.job(id).orElseThrow().enteredCurrentStatus());
  }
}
