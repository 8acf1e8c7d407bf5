package org.pilotpool.model.job;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;

class JobModelTest {
  private static final Instant T0 = Instant.parse("2026-03-01T12:00:00Z");

  private static Job idle(Optional<ProxyCredential> proxy) {
    return Job.submitted(JobId.of(7, 2), "alice", T0, proxy, 1, 2048, Expr.parse("Requirements",
        "true"), Optional.empty(), JobPolicies.NONE, new JobProfile(Duration.ofMinutes(5), 2));
  }

  @Test
  void jobStatusHasHtcondorsNumbersAndLetters() {
    StringBuilder letters = new StringBuilder();
    for (int code = 1; code <= 7; code++) {
      letters.append(JobStatus.fromCode(code).letter());
    }
    assertEquals("IRXCH>S", letters.toString());
    assertEquals(5, JobStatus.HELD.code());
  }

  @Test
  void holdReasonCodesCarryHtcondorsNumbersAndNames() {
    assertEquals("GlexecChownSandboxToUser", HoldReasonCode.fromCode(28).htcondorName());
    assertEquals(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_CONDOR, HoldReasonCode.fromCode(30));
    assertEquals(3, HoldReasonCode.JOB_POLICY.code());
    assertEquals("UserRequest", HoldReasonCode.fromCode(1).htcondorName());
    assertThrows(IllegalArgumentException.class, () -> HoldReasonCode.fromCode(2));
  }

  @Test
  void fqanAttributeQuotesTheDelimiterAndEscapeCharacters() {
    X509Attributes a = X509Attributes.of(new ProxyCredential("p", "/O=A&B/CN=x,y",
        List.of("/cms/Role=pilot", "/cms/uscms"), T0));
    assertEquals(Optional.of("/O=A&amp;B/CN=x&comma;y,/cms/Role=pilot,/cms/uscms"), a.fqan());
    assertEquals(Optional.of("cms"), a.voName());
  }

  @Test
  void proxyRefreshChangesOnlyTheExpirationAttribute() {
    Job job = idle(Optional.of(new ProxyCredential("p", "/CN=alice", List.of("/cms"), T0)));
    Job refreshed = job.withRefreshedProxy(
        new ProxyCredential("p2", "/CN=mallory", List.of("/atlas"), T0.plusSeconds(3600)));
    assertEquals("/CN=alice", refreshed.x509().orElseThrow().subject());
    assertEquals(T0.plusSeconds(3600), refreshed.x509().orElseThrow().expiration());
    assertEquals("p2", refreshed.proxy().orElseThrow().location());
  }

  @Test
  void jobAdShowsHoldAttributesAndCurrentTimeFromTheGivenInstant() {
    Job held = idle(Optional.empty()).heldAt(
        new Hold(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_USER, 512, "why"), T0.plusSeconds(10));
    ClassAd ad = held.toClassAd(T0.plusSeconds(100));
    assertEquals(28, ad.evaluate("HoldReasonCode").asLong());
    assertEquals(512, ad.evaluate("HoldReasonSubCode").asLong());
    assertEquals(5, ad.evaluate("JobStatus").asLong());
    assertEquals(90, Expr.parse("c", "CurrentTime - EnteredCurrentStatus")
        .evaluate(ad, null).asLong());
  }

  @Test
  void holdReasonGoesWithHeldStatusOnly() {
    Job job = idle(Optional.empty());
    assertThrows(IllegalArgumentException.class, () -> job.withStatus(JobStatus.HELD, T0));
    assertEquals(Optional.empty(), job.heldAt(new Hold(HoldReasonCode.USER_REQUEST, 0, "x"), T0)
        .withStatus(JobStatus.IDLE, T0).hold());
  }

  @Test
  void attributesTheJobKeepsItselfCannotBeSetAsCustomAttributes() {
    assertThrows(IllegalArgumentException.class,
        () -> idle(Optional.empty()).withAttribute("jobstatus", Expr.parse("v", "1")));
  }

  @Test
  void queueRejectsAnEventForAJobItDoesNotHold() {
    JobQueue queue = new JobQueue();
    assertThrows(IllegalStateException.class,
        () -> queue.apply(new JobQueueEvent.JobReleased(T0, JobId.of(1, 0), "r")));
  }

  @Test
  void queueKeepsCountingClustersAfterJobsLeave() {
    JobQueue queue = new JobQueue();
    queue.apply(new JobQueueEvent.JobSubmitted(T0, idle(Optional.empty())));
    queue.apply(new JobQueueEvent.JobLeftQueue(T0, JobId.of(7, 2)));
    assertEquals(0, queue.size());
    assertEquals(8, queue.nextClusterId());
  }
}
