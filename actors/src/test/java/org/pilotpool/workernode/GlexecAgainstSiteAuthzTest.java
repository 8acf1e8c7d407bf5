package org.pilotpool.workernode;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.BiConsumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.junit.jupiter.api.Test;
import org.pilotpool.authz.BanChange;
import org.pilotpool.authz.BanTarget;
import org.pilotpool.authz.SiteAuthz;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.glexec.sim.CommandModel;
import org.pilotpool.glexec.sim.SimGlexecConfig;
import org.pilotpool.glexec.sim.SimulatedGlexec;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.retry.FailureCause;

/** Simulated glexec on many worker nodes against one site's authorization service, in virtual time. */
class GlexecAgainstSiteAuthzTest {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  private static final ProxyCredential PILOT = proxy("/DC=org/DC=example/CN=pilot", "/cms/Role=pilot/Capability=NULL");

  private static ProxyCredential proxy(String dn, String fqan) {
    return new ProxyCredential(dn, dn, List.of(fqan), EPOCH.plus(Duration.ofDays(2)));
  }

  private static GlexecInvocation call(GlexecOperation op, ProxyCredential payload) {
    return new GlexecInvocation(op, payload, PILOT, List.of("/bin/kill", "-9", "4242"), "/scratch/dir_1");
  }

  private record Ended(Instant at, GlexecCall call) {}

  /**
   * Spawns a site authz service and {@code nodes} simulated worker nodes; {@code driver} gets
   * each node's actor and a reply sink, and schedules the calls.
   */
  private static List<Ended> run(SiteAuthzConfig site, int nodes, Duration length,
      BiConsumer<List<ActorRef<GlexecActor.Command>>, ActorRef<GlexecCall>> driver) {
    List<Ended> ended = new ArrayList<>();
    Behavior<Void> root = Behaviors.setup(ctx -> {
      PoolContext pool = PoolContext.get(ctx.getSystem());
      ActorRef<SiteAuthz.Command> authz =
          ctx.spawn(SiteAuthz.create(site, pool.clock(), pool.random("site-authz")), "authz");
      List<ActorRef<GlexecActor.Command>> glexecs = new ArrayList<>();
      for (int i = 0; i < nodes; i++) {
        String node = "wn" + i;
        SimulatedGlexec logic = new SimulatedGlexec(node, pool.streams().seed(),
            SimGlexecConfig.defaults(), CommandModel.succeeding(), pool.random(node));
        glexecs.add(ctx.spawn(GlexecActor.simulated(logic, authz, pool.clock(), Optional.empty()), node));
      }
      ActorRef<GlexecCall> sink = ctx.spawn(Behaviors.receive(GlexecCall.class).onAnyMessage(c -> {
        ended.add(new Ended(pool.clock().instant(), c));
        return Behaviors.same();
      }).build(), "sink");
      driver.accept(glexecs, sink);
      return Behaviors.empty();
    });
    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, length, ProgressListener.NONE);
    return ended;
  }

  @Test
  void twoThousandSimultaneousKillsOverloadADefaultServiceWhichThenDrainsAtItsServiceRate() {
    List<Ended> ended = run(SiteAuthzConfig.defaults(), 200, Duration.ofMinutes(10), (nodes, sink) -> {
      for (int n = 0; n < nodes.size(); n++) {
        for (int k = 0; k < 10; k++) {
          // 100 users (the default pool holds 100 accounts per VO), 20 jobs each.
          ProxyCredential user = proxy("/DC=org/DC=example/CN=user" + ((n * 10 + k) % 100), "/cms/Role=NULL/Capability=NULL");
          nodes.get(n).tell(new GlexecActor.Invoke("kill-" + n + "-" + k, call(GlexecOperation.KILL, user), sink));
        }
      }
    });

    assertEquals(2000, ended.size(), "every call returns");
    List<GlexecCall.Returned> returned = ended.stream().map(e -> (GlexecCall.Returned) e.call()).toList();
    long overloaded = returned.stream().filter(r -> r.cause() == FailureCause.AUTHZ_OVERLOADED).count();
    long succeeded = returned.stream().filter(r -> r.result().succeeded()).count();
    // Argus: 200 in service, 500 queued, the rest refused with 503 (glexec reports 203). The
    // burst reaches the service over glexec's few tens of milliseconds of local latency, during
    // which the first decisions land in the cache and answer some later arrivals at once.
    assertTrue(overloaded >= 1000 && overloaded <= 1300, "overload rejections: " + overloaded);
    assertEquals(2000 - overloaded, succeeded, "every call that was not refused is permitted");
    returned.stream().filter(r -> r.cause() == FailureCause.AUTHZ_OVERLOADED)
        .forEach(r -> assertEquals(203, r.result().exitStatus()));

    // Once the burst is in (and the cache has answered what it could), the queue drains at
    // workers / mean service time = 200 per second. Measured between 0.5 s and the 100th-last.
    List<Instant> drained = ended.stream()
        .filter(e -> ((GlexecCall.Returned) e.call()).result().succeeded())
        .map(Ended::at).filter(t -> t.isAfter(EPOCH.plusMillis(500))).sorted().toList();
    Instant from = drained.get(0);
    Instant to = drained.get(drained.size() - 101);
    assertTrue(drained.size() > 400, "calls served from the queue after 0.5 s: " + drained.size());
    double rate = (drained.size() - 101) / (Duration.between(from, to).toNanos() / 1e9);
    assertEquals(200.0, rate, 200.0 * 0.15, "drain rate (calls/s)");
  }

  /** Sends each invocation to {@code node} at its offset from the start. */
  private static Behavior<GlexecActor.Invoke> at(List<Duration> offsets, List<GlexecActor.Invoke> calls,
      ActorRef<GlexecActor.Command> node) {
    return Behaviors.withTimers(timers -> {
      for (int i = 0; i < calls.size(); i++) {
        timers.startSingleTimer(calls.get(i).callId(), calls.get(i), offsets.get(i));
      }
      return Behaviors.receive(GlexecActor.Invoke.class).onAnyMessage(inv -> {
        node.tell(inv);
        return Behaviors.same();
      }).build();
    });
  }

  @Test
  void aBanTakesEffectAtItsScheduledTime() {
    ProxyCredential alice = proxy("/DC=org/DC=example/CN=alice", "/atlas/Role=NULL/Capability=NULL");
    Duration banAt = Duration.ofHours(1);
    SiteAuthzConfig site = SiteAuthzConfig.defaults().toBuilder()
        .banSchedule(List.of(BanChange.ban(EPOCH.plus(banAt), BanTarget.dn(alice.identity()))))
        .build();
    List<Ended> calls = runWithCaller(site, List.of(banAt.minusMinutes(1), banAt.plusMinutes(1)),
        List.of(call(GlexecOperation.LAUNCH, alice), call(GlexecOperation.LAUNCH, alice)));

    assertEquals(2, calls.size());
    GlexecCall.Returned before = (GlexecCall.Returned) calls.get(0).call();
    GlexecCall.Returned after = (GlexecCall.Returned) calls.get(1).call();
    assertTrue(before.result().succeeded(), "a minute before the ban: " + before.result());
    assertEquals(203, after.result().exitStatus(), "a minute after the ban");
    assertEquals(FailureCause.AUTHZ_DENIED, after.cause());
  }

  private static List<Ended> runWithCaller(SiteAuthzConfig site, List<Duration> offsets, List<GlexecInvocation> invocations) {
    List<Ended> ended = new ArrayList<>();
    Behavior<Void> root = Behaviors.setup(ctx -> {
      PoolContext pool = PoolContext.get(ctx.getSystem());
      ActorRef<SiteAuthz.Command> authz =
          ctx.spawn(SiteAuthz.create(site, pool.clock(), pool.random("site-authz")), "authz");
      SimulatedGlexec logic = new SimulatedGlexec("wn0", pool.streams().seed(),
          SimGlexecConfig.defaults(), CommandModel.succeeding(), pool.random("wn0"));
      ActorRef<GlexecActor.Command> node =
          ctx.spawn(GlexecActor.simulated(logic, authz, pool.clock(), Optional.empty()), "wn0");
      ActorRef<GlexecCall> sink = ctx.spawn(Behaviors.receive(GlexecCall.class).onAnyMessage(c -> {
        ended.add(new Ended(pool.clock().instant(), c));
        return Behaviors.same();
      }).build(), "sink");
      List<GlexecActor.Invoke> calls = new ArrayList<>();
      for (int i = 0; i < invocations.size(); i++) {
        calls.add(new GlexecActor.Invoke("call" + i, invocations.get(i), sink));
      }
      ctx.spawn(at(offsets, calls, node), "caller");
      return Behaviors.empty();
    });
    Simulation.create(ConfigFactory.empty(), EPOCH).run(root, Duration.ofHours(3), ProgressListener.NONE);
    return ended;
  }
}
