package org.pilotpool.procd;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.retry.FailureCause;
import org.pilotpool.model.retry.HtcondorRetryConfig;
import org.pilotpool.model.retry.HtcondorRetryPolicy;
import org.pilotpool.workernode.GlexecCall;

class ProcdLogicTest {
  private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
  private static final ProxyCredential PROXY = new ProxyCredential("/tmp/p", "/CN=alice",
      List.of("/cms/Role=NULL"), T0.plus(Duration.ofDays(1)));
  private static final ProcessFamily FAMILY = new ProcessFamily(JobId.of(1, 0), 4000, 4, "cms001");

  private static ProcdLogic procd(KillMode mode) {
    return new ProcdLogic(mode,
        new HtcondorRetryPolicy(HtcondorRetryConfig.defaults(), new SplittableRandom(3)), "s/1.0");
  }

  private static List<ProcdEffect.Invoke> invokes(List<ProcdEffect> effects) {
    List<ProcdEffect.Invoke> out = new ArrayList<>();
    effects.forEach(e -> {
      if (e instanceof ProcdEffect.Invoke i) {
        out.add(i);
      }
    });
    return out;
  }

  private static GlexecCall.Returned returns(ProcdEffect.Invoke call, int status, String account,
      FailureCause cause) {
    return new GlexecCall.Returned(call.callId(), call.invocation(),
        GlexecResult.exited(status, "", Optional.of(account), Duration.ofMillis(5)), cause);
  }

  @Test
  void aSpreeKillsEveryProcessWithItsOwnGlexecCall() {
    List<ProcdEffect.Invoke> calls = invokes(procd(KillMode.SPREE).kill(FAMILY, PROXY, PROXY, 9));

    assertEquals(4, calls.size());
    assertEquals(List.of("sh", "-c", "/bin/kill -9 4003"), calls.get(3).invocation().command());
    calls.forEach(c -> assertEquals(GlexecOperation.KILL, c.invocation().operation()));
  }

  @Test
  void signallingTheRootMakesOneGlexecCall() {
    assertEquals(1, invokes(procd(KillMode.SIGNAL_ROOT).kill(FAMILY, PROXY, PROXY, 9)).size());
  }

  @Test
  void theReportComesWhenEveryTargetIsDoneAndCountsRetries() {
    ProcdLogic procd = procd(KillMode.SPREE);
    List<ProcdEffect.Invoke> calls = invokes(procd.kill(
        new ProcessFamily(JobId.of(1, 0), 4000, 2, "cms001"), PROXY, PROXY, 9));

    assertTrue(procd.callEnded(returns(calls.get(0), 0, "cms001", FailureCause.NOT_KNOWN))
        .isEmpty());
    List<ProcdEffect> retry = procd.callEnded(
        returns(calls.get(1), 203, "cms001", FailureCause.AUTHZ_OVERLOADED));
    assertEquals(List.of(new ProcdEffect.RetryAfter(4001, Duration.ofSeconds(5))), retry);
    ProcdEffect.Invoke again = invokes(procd.retryDue(4001)).get(0);
    List<ProcdEffect> done = procd.callEnded(
        returns(again, 0, "cms001", FailureCause.NOT_KNOWN));

    assertEquals(List.of(new ProcdEffect.Done(new FamilyKillReport(JobId.of(1, 0),
        List.of(4000, 4001), List.of(), 3))), done);
  }

  @Test
  void aKillRunAsAnotherAccountFailsAndIsNotRetried() {
    ProcdLogic procd = procd(KillMode.SIGNAL_ROOT);
    ProcdEffect.Invoke call = invokes(procd.kill(FAMILY, PROXY, PROXY, 9)).get(0);

    List<ProcdEffect> done = procd.callEnded(returns(call, 0, "cms002", FailureCause.NOT_KNOWN));

    assertEquals(List.of(new ProcdEffect.Done(new FamilyKillReport(JobId.of(1, 0), List.of(),
        List.of(4000), 1))), done);
  }

  @Test
  void aKillTheBreakerRefusedIsRetriedAfterItAndIsNotCountedAsACall() {
    ProcdLogic procd = procd(KillMode.SIGNAL_ROOT);
    ProcdEffect.Invoke call = invokes(procd.kill(FAMILY, PROXY, PROXY, 9)).get(0);

    List<ProcdEffect> retry = procd.callEnded(
        new GlexecCall.BreakerOpen(call.callId(), call.invocation(), Duration.ofSeconds(20)));
    assertEquals(List.of(new ProcdEffect.RetryAfter(4000, Duration.ofSeconds(25))), retry);
    ProcdEffect.Invoke again = invokes(procd.retryDue(4000)).get(0);
    List<ProcdEffect> done = procd.callEnded(returns(again, 0, "cms001", FailureCause.NOT_KNOWN));

    assertEquals(List.of(new ProcdEffect.Done(new FamilyKillReport(JobId.of(1, 0),
        List.of(4000), List.of(), 1))), done);
  }
}
