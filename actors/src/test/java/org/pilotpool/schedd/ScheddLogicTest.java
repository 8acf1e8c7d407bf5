package org.pilotpool.schedd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.eventlog.CpuUsage;
import org.pilotpool.model.eventlog.EventLogFormat;
import org.pilotpool.model.eventlog.EventLogWriter;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.job.Hold;
import org.pilotpool.model.job.HoldReasonCode;
import org.pilotpool.model.job.Job;
import org.pilotpool.model.job.JobQueue;
import org.pilotpool.model.job.JobStatus;

class ScheddLogicTest {
  private final ScheddFixture f = new ScheddFixture(ScheddConfig.defaults());

  private Job job(JobId id) {
    return f.schedd.job(id).orElseThrow();
  }

  @Test
  void submitQueuesOneIdleJobPerProcInOneNewCluster() {
    List<JobId> first = f.submit("alice", 3);
    List<JobId> second = f.submit("bob", 1);
    assertEquals(List.of(JobId.of(1, 0), JobId.of(1, 1), JobId.of(1, 2)), first);
    assertEquals(List.of(JobId.of(2, 0)), second);
    for (JobId id : first) {
      assertEquals(JobStatus.IDLE, job(id).status());
      assertEquals("alice", job(id).owner());
    }
    assertEquals(4, f.port.userLog().stream().filter(e -> e instanceof JobEvent.Submit).count());
  }

  @Test
  void submittedJobCarriesTheProxyAttributesTheScheddOwns() {
    Job job = job(f.submit("alice", 1).get(0));
    assertEquals("/DC=org/CN=alice", job.x509().orElseThrow().subject());
    assertEquals(Optional.of("cms"), job.x509().orElseThrow().voName());
    assertEquals(Optional.of("/cms/Role=NULL"), job.x509().orElseThrow().firstFqan());
    assertEquals(Optional.of("/DC=org/CN=alice,/cms/Role=NULL"), job.x509().orElseThrow().fqan());
  }

  @Test
  void enteredCurrentStatusFollowsEachStatusChange() {
    JobId id = f.submit("alice", 1).get(0);
    assertEquals(f.now(), job(id).enteredCurrentStatus());
    f.port.advance(Duration.ofSeconds(10));
    f.run(List.of(id));
    assertEquals(JobStatus.RUNNING, job(id).status());
    assertEquals(FakeScheddPort.EPOCH.plusSeconds(10), job(id).enteredCurrentStatus());
    assertEquals(FakeScheddPort.EPOCH, job(id).qDate());
    assertEquals(1, job(id).numJobStarts());
  }

  @Test
  void unparseableRequirementsFailsTheSubmitNamingTheAttribute() {
    JobSubmission bad = JobSubmission.of("alice", 2, Optional.empty(), 1, 1024,
        "TARGET.Memory >= ", ScheddFixture.PROFILE);
    BadInputException e = assertThrows(BadInputException.class, () -> f.schedd.submit(bad));
    assertTrue(e.oneLine().contains("Requirements"), e.oneLine());
    assertEquals(0, f.schedd.jobs().size());
    assertTrue(f.port.effects.isEmpty());
  }

  @Test
  void holdByIdHoldsAnIdleJobAtOnceWithCodeUserRequest() {
    List<JobId> ids = f.submit("alice", 2);
    assertEquals(List.of(ids.get(1)),
        f.schedd.hold(new JobSelector.ById(ids.get(1)), "via condor_hold (by user alice)"));
    Job held = job(ids.get(1));
    assertEquals(JobStatus.HELD, held.status());
    assertEquals(Optional.of(HoldReasonCode.USER_REQUEST), held.holdReasonCode());
    assertEquals(JobStatus.IDLE, job(ids.get(0)).status());
    JobEvent last = f.port.userLog().get(f.port.userLog().size() - 1);
    assertEquals(12, last.code());
  }

  @Test
  void releaseByOwnerReleasesOnlyThatOwnersHeldJobs() {
    JobId alice = f.submit("alice", 1).get(0);
    JobId bob = f.submit("bob", 1).get(0);
    f.schedd.hold(new JobSelector.ByCluster(alice.cluster()), "h");
    f.schedd.hold(new JobSelector.ById(bob), "h");
    assertEquals(List.of(bob), f.schedd.release(new JobSelector.ByOwner("bob"), "r"));
    assertEquals(JobStatus.HELD, job(alice).status());
    assertEquals(JobStatus.IDLE, job(bob).status());
    assertTrue(job(bob).hold().isEmpty());
  }

  @Test
  void removeByConstraintRemovesTheJobsWhoseAdSatisfiesIt() {
    List<JobId> ids = f.submit("alice", 3);
    List<JobId> removed = f.schedd.remove(JobSelector.ByConstraint.parse(
        "Owner == \"alice\" && ProcId >= 1"), "via condor_rm");
    assertEquals(List.of(ids.get(1), ids.get(2)), removed);
    assertEquals(1, f.schedd.jobs().size());
  }

  @Test
  void unparseableConstraintIsABadInputNamingTheConstraint() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> JobSelector.ByConstraint.parse("Owner == "));
    assertEquals(Optional.of("constraint"), e.key());
  }

  @Test
  void idleJobsAreRemovedAtOnceWithAnAbortedEvent() {
    List<JobId> ids = f.submit("alice", 5);
    f.schedd.remove(new JobSelector.ByOwner("alice"), "via condor_rm (by user alice)");
    assertEquals(0, f.schedd.jobs().size());
    assertEquals(0, f.schedd.pendingKills());
    List<JobEvent> aborted = f.port.userLog().stream().filter(e -> e.code() == 9).toList();
    assertEquals(ids, aborted.stream().map(JobEvent::job).toList());
    assertTrue(aborted.stream().allMatch(e -> e.time().equals(f.now())));
  }

  @Test
  void removingARunningJobMarksItRemovedAndWritesTheAbortWhenTheKillIsDone() {
    JobId id = f.submit("alice", 1).get(0);
    f.run(List.of(id));
    f.schedd.remove(new JobSelector.ById(id), "via condor_rm");
    assertEquals(JobStatus.REMOVED, job(id).status());
    f.port.settle();
    ScheddEffect.KillJob kill = f.port.effects(ScheddEffect.KillJob.class).get(0);
    assertEquals(ScheddEffect.KillReason.REMOVE, kill.reason());
    assertTrue(f.port.userLog().stream().noneMatch(e -> e.code() == 9));
    f.schedd.jobExited(id, kill.slot(), new ShadowOutcome.Killed());
    assertTrue(f.schedd.job(id).isEmpty());
    assertEquals(Optional.of("via condor_rm"),
        ((JobEvent.Aborted) f.port.userLog().get(f.port.userLog().size() - 1)).reason());
  }

  @Test
  void starterHoldWithCode28AndSubcode512WritesHtcondorsHeldEventText() {
    JobId id = f.submit("alice", 1).get(0);
    f.run(List.of(id));
    String reason = "error changing sandbox ownership to the user: condor_glexec_setup exited "
        + "with status 512 and the following output: glexec failed";
    f.schedd.jobExited(id, f.slotOf(id), new ShadowOutcome.ShouldHold(
        new Hold(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_USER, 512, reason)));
    assertEquals(Optional.of(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_USER),
        job(id).holdReasonCode());
    assertEquals(Optional.of(512), job(id).holdReasonSubCode());
    JobEvent held = f.port.userLog().get(f.port.userLog().size() - 1);
    assertEquals("012 (001.000.000) 03/01 12:00:00 Job was held.\n\t" + reason
        + "\n\tCode 28 Subcode 512\n...\n",
        EventLogWriter.format(held, EventLogFormat.legacy(ZoneOffset.UTC)));
  }

  @Test
  void completedJobLogsTerminatedAndLeavesTheQueue() {
    JobId id = f.submit("alice", 1).get(0);
    f.run(List.of(id));
    f.schedd.jobExited(id, f.slotOf(id),
        new ShadowOutcome.Completed(true, 0, new CpuUsage(3500, 12)));
    assertTrue(f.schedd.job(id).isEmpty());
    assertEquals(5, f.port.userLog().get(f.port.userLog().size() - 1).code());
    assertEquals(0, f.schedd.runningShadows());
  }

  @Test
  void jobNotStartedGoesBackToIdleAndTheClaimIsReleased() {
    JobId id = f.submit("alice", 1).get(0);
    f.run(List.of(id));
    String slot = f.slotOf(id);
    f.schedd.jobExited(id, slot, new ShadowOutcome.NotStarted());
    assertEquals(JobStatus.IDLE, job(id).status());
    assertEquals(List.of(new ScheddEffect.ReleaseClaim(slot)),
        f.port.effects(ScheddEffect.ReleaseClaim.class));
    assertEquals(1, f.schedd.idleJobs(Set.of(), Integer.MAX_VALUE).jobIds("alice").size());
  }

  @Test
  void shadowExceptionsReuseTheClaimUntilMaxShadowExceptionsThenRelinquishIt() {
    JobId id = f.submit("alice", 1).get(0);
    f.run(List.of(id));
    String slot = f.slotOf(id);
    for (int i = 1; i <= 5; i++) {
      assertEquals(List.of(), f.port.effects(ScheddEffect.ReleaseClaim.class), "exception " + i);
      f.schedd.jobExited(id, slot, new ShadowOutcome.Excepted("failed to chown sandbox to user"));
      assertEquals(i, job(id).numShadowExceptions());
      assertEquals(JobStatus.IDLE, job(id).status());
      f.port.settle();
    }
    assertEquals(List.of(new ScheddEffect.ReleaseClaim(slot)),
        f.port.effects(ScheddEffect.ReleaseClaim.class));
    assertEquals(5, f.port.effects(ScheddEffect.ActivateClaim.class).size());
    assertEquals(5, f.port.userLog().stream().filter(e -> e.code() == 7).count());
  }

  @Test
  void idleJobsOfferedToTheNegotiatorLeaveOutMatchedAndHeldJobs() {
    List<JobId> ids = f.submit("alice", 3);
    f.submit("bob", 1);
    f.schedd.matchFound(ids.get(0), ScheddFixture.slot("slot1"));
    f.schedd.hold(new JobSelector.ById(ids.get(1)), "h");
    IdleJobs idle = f.schedd.idleJobs(Set.of(), Integer.MAX_VALUE);
    assertEquals(List.of("alice", "bob"), List.copyOf(idle.bySubmitter().keySet()));
    assertEquals(List.of(ids.get(2)),
        idle.jobIds("alice"));
  }

  @Test
  void refusedClaimLeavesTheJobIdleAndUnmatched() {
    JobId id = f.submit("alice", 1).get(0);
    f.schedd.matchFound(id, ScheddFixture.slot("slot1"));
    f.schedd.claimResponse("slot1", false);
    f.port.settle();
    assertEquals(JobStatus.IDLE, job(id).status());
    assertEquals(0, f.schedd.claims());
    assertEquals(1, f.schedd.idleJobs(Set.of(), Integer.MAX_VALUE).jobIds("alice").size());
  }

  @Test
  void replayingTheEmittedQueueEventsRebuildsTheQueueExactly() {
    f.schedd.setAttribute(f.submit("alice", 4).get(0), "Site", "\"FNAL\"");
    f.submit("bob", 2);
    f.run(List.of(JobId.of(1, 0), JobId.of(1, 1), JobId.of(2, 0)));
    f.port.advance(Duration.ofSeconds(30));
    f.schedd.jobExited(JobId.of(1, 1), f.slotOf(JobId.of(1, 1)),
        new ShadowOutcome.Excepted("boom"));
    f.schedd.hold(new JobSelector.ById(JobId.of(1, 2)), "h");
    f.schedd.remove(new JobSelector.ById(JobId.of(1, 3)), "r");
    f.schedd.remove(new JobSelector.ById(JobId.of(2, 0)), "r");
    f.schedd.refreshProxy(JobId.of(2, 1), ScheddFixture.proxy("/DC=org/CN=bob"));
    f.port.advance(Duration.ofSeconds(5));
    JobQueue replayed = JobQueue.replay(f.port.queueEvents());
    assertEquals(List.copyOf(f.schedd.jobs()), replayed.snapshot());
    assertFalse(replayed.snapshot().isEmpty());
  }

  @Test
  void jobHeldAndReleasedWhileItsClaimWaitsStartsOnlyOnce() {
    ScheddFixture slow = new ScheddFixture(
        ScheddConfig.defaults().withJobStart(Duration.ofSeconds(5), 1));
    JobId id = slow.submit("alice", 1).get(0);
    slow.schedd.matchFound(id, ScheddFixture.slot("slot1"));
    slow.schedd.claimResponse("slot1", true);
    slow.schedd.hold(new JobSelector.ById(id), "h");
    slow.schedd.release(new JobSelector.ById(id), "r");
    slow.schedd.matchFound(id, ScheddFixture.slot("slot2"));
    slow.schedd.claimResponse("slot2", true);
    slow.port.advance(Duration.ofSeconds(30));
    assertEquals(1, slow.port.effects(ScheddEffect.ActivateClaim.class).size());
    assertEquals(List.of(new ScheddEffect.ReleaseClaim("slot1")),
        slow.port.effects(ScheddEffect.ReleaseClaim.class));
  }
}
