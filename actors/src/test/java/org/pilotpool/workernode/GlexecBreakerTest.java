package org.pilotpool.workernode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.pilotpool.authz.OutageWindow;
import org.pilotpool.authz.SiteAuthz;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.authz.SiteAuthzStats;
import org.pilotpool.glexec.sim.CommandModel;
import org.pilotpool.glexec.sim.SimGlexecConfig;
import org.pilotpool.glexec.sim.SimulatedGlexec;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.retry.BreakerTransition;
import org.pilotpool.model.retry.CircuitBreaker;
import org.pilotpool.model.retry.CircuitBreakerConfig;

/** One simulated worker node whose glexec calls pass its circuit breaker, in virtual time. */
class GlexecBreakerTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final ProxyCredential PILOT = proxy("/DC=org/DC=example/CN=pilot");
  private static final ProxyCredential ALICE = proxy("/DC=org/DC=example/CN=alice");
  /** Opens after two transient failures, for 30 s; one probe. */
  private static final CircuitBreakerConfig BREAKER =
      new CircuitBreakerConfig(2, Duration.ofSeconds(30), 2.0, Duration.ofSeconds(300), 1);

  private static ProxyCredential proxy(String dn) {
    return new ProxyCredential(dn, dn, List.of("/cms/Role=NULL/Capability=NULL"),
        EPOCH.plus(Duration.ofDays(2)));
  }

  private record Ended(Instant at, GlexecCall call) {}

  /** What one run saw: calls as they ended, the breaker's transitions, the site's arrivals. */
  private record Seen(List<Ended> ended, List<BreakerTransition> transitions, long arrivals) {
    GlexecCall call(String id) {
      return ended.stream().map(Ended::call).filter(c -> c.callId().equals(id)).findFirst()
          .orElseThrow(() -> new AssertionError("no reply to " + id + " in " + ended));
    }
  }

  private static SiteAuthzConfig downFor(Duration from, Duration to) {
    return SiteAuthzConfig.defaults().toBuilder()
        .outages(List.of(new OutageWindow(EPOCH.plus(from), EPOCH.plus(to)))).build();
  }

  /** LAUNCH calls by alice named call0, call1 ... at the given offsets, through one node. */
  private static Seen run(SiteAuthzConfig site, SimGlexecConfig glexec, Duration... offsets) {
    List<Ended> ended = new ArrayList<>();
    List<BreakerTransition> transitions = new ArrayList<>();
    long[] arrivals = {-1};
    Duration length = Duration.ofMinutes(10);
    Behavior<Void> root = Behaviors.setup(ctx -> {
      PoolContext pool = PoolContext.get(ctx.getSystem());
      ActorRef<SiteAuthz.Command> authz =
          ctx.spawn(SiteAuthz.create(site, pool.clock(), pool.random("site-authz")), "authz");
      SimulatedGlexec logic = new SimulatedGlexec("wn0", pool.streams().seed(), glexec,
          CommandModel.succeeding(), pool.random("wn0"));
      CircuitBreaker breaker = new CircuitBreaker("siteA", BREAKER, transitions::add);
      ActorRef<GlexecActor.Command> node = ctx.spawn(GlexecActor.simulated(logic, authz,
          pool.clock(), Optional.empty(), Optional.of(breaker)), "wn0");
      ActorRef<GlexecCall> sink = ctx.spawn(Behaviors.receive(GlexecCall.class).onAnyMessage(c -> {
        ended.add(new Ended(pool.clock().instant(), c));
        return Behaviors.same();
      }).build(), "sink");
      ActorRef<SiteAuthzStats> stats = ctx.spawn(Behaviors.receive(SiteAuthzStats.class)
          .onAnyMessage(s -> {
            arrivals[0] = s.arrivals();
            return Behaviors.same();
          }).build(), "stats");
      ctx.spawn(Behaviors.<Object>withTimers(timers -> {
        for (int i = 0; i < offsets.length; i++) {
          GlexecInvocation call = new GlexecInvocation(GlexecOperation.LAUNCH, ALICE, PILOT,
              List.of("/bin/true"), "/scratch/dir_" + i);
          timers.startSingleTimer(i, new GlexecActor.Invoke("call" + i, call, sink), offsets[i]);
        }
        timers.startSingleTimer("stats", "stats", length.minusSeconds(1));
        return Behaviors.receive(Object.class)
            .onMessage(GlexecActor.Invoke.class, inv -> {
              node.tell(inv);
              return Behaviors.same();
            })
            .onMessageEquals("stats", () -> {
              authz.tell(new SiteAuthz.GetStats(stats));
              return Behaviors.same();
            })
            .build();
      }), "caller");
      return Behaviors.empty();
    });
    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, length, ProgressListener.NONE);
    return new Seen(ended, transitions, arrivals[0]);
  }

  private static Duration s(long seconds) {
    return Duration.ofSeconds(seconds);
  }

  @Test
  void openBreakerRejectsCallWithoutAskingAuthz() {
    Seen seen = run(downFor(s(0), s(300)), SimGlexecConfig.defaults(), s(1), s(2), s(10));

    assertEquals(203, ((GlexecCall.Returned) seen.call("call1")).result().exitStatus());
    GlexecCall.BreakerOpen refused =
        assertInstanceOf(GlexecCall.BreakerOpen.class, seen.call("call2"));
    // Opened by the second failure, a little after 2 s (glexec's local latency), for 30 s.
    assertTrue(refused.retryAfter().compareTo(s(22)) >= 0
        && refused.retryAfter().compareTo(s(23)) < 0, "retry after " + refused.retryAfter());
    assertEquals(EPOCH.plus(s(10)), seen.ended().get(2).at(), "refused at once");
    assertEquals(2, seen.arrivals(), "the refused call never reached the site");
  }

  @Test
  void successfulProbeClosesTheBreakerForEveryLaterCall() {
    Seen seen = run(downFor(s(0), s(20)), SimGlexecConfig.defaults(),
        s(1), s(2), s(10), s(40), s(90), s(90), s(90));

    assertInstanceOf(GlexecCall.BreakerOpen.class, seen.call("call2"));
    for (String id : List.of("call3", "call4", "call5", "call6")) {
      GlexecCall.Returned r = assertInstanceOf(GlexecCall.Returned.class, seen.call(id));
      assertTrue(r.result().succeeded(), id + ": " + r.result());
    }
    assertEquals(List.of(CircuitBreaker.State.OPEN, CircuitBreaker.State.HALF_OPEN,
        CircuitBreaker.State.CLOSED), seen.transitions().stream().map(BreakerTransition::to).toList());
    assertEquals(6, seen.arrivals(), "two failures, the probe, three calls after it");
  }

  @Test
  void failuresThatNeverReachTheSiteLeaveTheBreakerClosed() {
    SimGlexecConfig d = SimGlexecConfig.defaults();
    SimGlexecConfig brokenWrappers = new SimGlexecConfig(d.semantics(), d.localLatency(),
        d.linger(), d.lingerPipeHang(), d.x509UserProxyBug(), 1.0, List.of());
    Seen seen = run(SiteAuthzConfig.defaults(), brokenWrappers, s(1), s(2), s(3), s(4));

    for (Ended e : seen.ended()) {
      assertEquals(202, assertInstanceOf(GlexecCall.Returned.class, e.call()).result().exitStatus());
    }
    assertEquals(4, seen.ended().size());
    assertTrue(seen.transitions().isEmpty(), "the node's own glexec failed, not the site");
  }
}
