package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;
import org.apache.pekko.actor.testkit.typed.javadsl.ActorTestKit;
import org.apache.pekko.actor.testkit.typed.javadsl.ManualTime;
import org.apache.pekko.actor.testkit.typed.javadsl.TestProbe;
import org.apache.pekko.actor.typed.ActorRef;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.authz.AuthzDecision.DecisionKind;
import org.pilotpool.model.authz.AuthzDecision.DenyReason;

/** The behaviour maps the logic's effects onto replies and Pekko timers. */
class SiteAuthzActorTest {
  private static final Duration SERVICE = Duration.ofMillis(500);
  private static final List<String> CMS = List.of("/cms/Role=NULL");

  private static ActorTestKit testKit;
  private static ManualTime manualTime;

  @BeforeAll
  static void startSystem() {
    testKit = ActorTestKit.create(ManualTime.config());
    manualTime = ManualTime.get(testKit.system());
  }

  @AfterAll
  static void stopSystem() {
    testKit.shutdownTestKit();
  }

  /** A clock that moves with ManualTime: set first, so timers firing see the new instant. */
  private static final class SteppedClock implements InstantSource {
    private final AtomicReference<Instant> now =
        new AtomicReference<>(Instant.parse("2024-03-01T12:00:00Z"));

    @Override
    public Instant instant() {
      return now.get();
    }

    void advance(Duration d) {
      now.updateAndGet(t -> t.plus(d));
      manualTime.timePasses(d);
    }
  }

  private static ActorRef<SiteAuthz.Command> spawn(
      SiteAuthzConfig.Builder config, SteppedClock clock) {
    return testKit.spawn(
        SiteAuthz.create(
            config.serviceTime(new ServiceTimeDistribution.Constant(SERVICE)).build(),
            clock,
            new SplittableRandom(1)));
  }

  /** A stats round trip; also waits until the actor has handled everything sent before. */
  private static SiteAuthzStats stats(ActorRef<SiteAuthz.Command> authz) {
    TestProbe<SiteAuthzStats> probe = testKit.createTestProbe();
    authz.tell(new SiteAuthz.GetStats(probe.ref()));
    return probe.receiveMessage();
  }

  @Test
  void authorizeIsAnsweredWhenTheServiceTimeHasPassed() {
    SteppedClock clock = new SteppedClock();
    ActorRef<SiteAuthz.Command> authz = spawn(SiteAuthzConfig.builder(), clock);
    TestProbe<AuthzReply> replies = testKit.createTestProbe();

    authz.tell(new SiteAuthz.Authorize("r1", "/CN=alice", CMS, null, replies.ref()));
    assertEquals(1, stats(authz).arrivals());
    clock.advance(SERVICE.minusMillis(1));
    assertEquals(0, stats(authz).decisions(DecisionKind.PERMIT));
    clock.advance(Duration.ofMillis(1));

    assertEquals(
        new AuthzReply("r1", new AuthzDecision.Permit("cms001")), replies.receiveMessage());
    assertEquals(1, stats(authz).latency().count());
  }

  @Test
  void banCommandDeniesLaterRequests() {
    SteppedClock clock = new SteppedClock();
    ActorRef<SiteAuthz.Command> authz = spawn(SiteAuthzConfig.builder(), clock);
    TestProbe<AuthzReply> replies = testKit.createTestProbe();

    authz.tell(new SiteAuthz.Ban(BanTarget.dn("/CN=mallory")));
    authz.tell(new SiteAuthz.Authorize("r1", "/CN=mallory", CMS, null, replies.ref()));
    stats(authz);
    clock.advance(SERVICE);
    assertEquals(
        new AuthzReply("r1", new AuthzDecision.Deny(DenyReason.BANNED_DN)),
        replies.receiveMessage());

    authz.tell(new SiteAuthz.Unban(BanTarget.dn("/CN=mallory")));
    authz.tell(new SiteAuthz.Authorize("r2", "/CN=mallory", CMS, null, replies.ref()));
    stats(authz);
    clock.advance(SERVICE);
    assertEquals(DecisionKind.PERMIT, replies.receiveMessage().decision().kind());
  }

  @Test
  void fullServiceAnswersOverloadedAtOnceAndLateRequestsTimedOut() {
    SteppedClock clock = new SteppedClock();
    ActorRef<SiteAuthz.Command> authz =
        spawn(
            SiteAuthzConfig.builder()
                .workers(1)
                .queueCapacity(1)
                .requestTimeout(SERVICE.plusMillis(100)),
            clock);
    TestProbe<AuthzReply> replies = testKit.createTestProbe();

    authz.tell(new SiteAuthz.Authorize("served", "/CN=a", CMS, null, replies.ref()));
    authz.tell(new SiteAuthz.Authorize("queued", "/CN=b", CMS, null, replies.ref()));
    authz.tell(new SiteAuthz.Authorize("rejected", "/CN=c", CMS, null, replies.ref()));
    assertEquals(new AuthzReply("rejected", AuthzDecision.OVERLOADED), replies.receiveMessage());

    clock.advance(SERVICE);
    assertEquals("served", replies.receiveMessage().requestId());
    stats(authz);
    // "queued" started service at 500 ms and reaches its 600 ms deadline before it ends.
    clock.advance(Duration.ofMillis(100));
    assertEquals(new AuthzReply("queued", AuthzDecision.TIMED_OUT), replies.receiveMessage());
  }
}
