package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.pilotpool.model.authz.AuthzDecision.DenyReason;

/** Bans by DN, FQAN and VO: when they take effect, and what they do to cached decisions. */
class SiteAuthzBanTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final Instant BAN_AT = T0.plusSeconds(10);
  private static final String ALICE = "/DC=org/DC=example/CN=Alice";
  private static final List<String> ALICE_FQANS = List.of("/cms/Role=pilot", "/cms/uscms");
  private static final Duration SERVICE = Duration.ofMillis(100);

  private static SiteAuthzConfig.Builder config() {
    return SiteAuthzConfig.builder().serviceTime(new ServiceTimeDistribution.Constant(SERVICE));
  }

  static Stream<Arguments> bans() {
    return Stream.of(
        Arguments.of(BanTarget.dn(ALICE), DenyReason.BANNED_DN),
        Arguments.of(BanTarget.fqan("/cms/uscms"), DenyReason.BANNED_FQAN),
        Arguments.of(BanTarget.vo("cms"), DenyReason.BANNED_VO));
  }

  @ParameterizedTest
  @MethodSource("bans")
  void banTakesEffectExactlyAtItsScheduledInstant(BanTarget target, DenyReason reason) {
    LogicDriver d =
        new LogicDriver(
            config().cacheEntries(0).banSchedule(List.of(BanChange.ban(BAN_AT, target))).build(),
            1,
            T0);

    d.runUntil(BAN_AT.minusNanos(1));
    d.request("before", ALICE, ALICE_FQANS);
    d.runUntil(BAN_AT);
    d.request("at", ALICE, ALICE_FQANS);
    d.runUntil(BAN_AT.plusNanos(1));
    d.request("after", ALICE, ALICE_FQANS);
    d.runAll();

    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("before"));
    assertEquals(new AuthzDecision.Deny(reason), d.decisionFor("at"));
    assertEquals(new AuthzDecision.Deny(reason), d.decisionFor("after"));
  }

  @Test
  void banDoesNotTouchOtherUsers() {
    LogicDriver d =
        new LogicDriver(
            config().banSchedule(List.of(BanChange.ban(T0, BanTarget.dn(ALICE)))).build(), 1, T0);
    d.request("bob", "/DC=org/DC=example/CN=Bob", ALICE_FQANS);
    d.runAll();
    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("bob"));
  }

  @Test
  void banDropsCachedPermitsAtTheInstantItTakesEffect() {
    LogicDriver d =
        new LogicDriver(
            config().banSchedule(List.of(BanChange.ban(BAN_AT, BanTarget.dn(ALICE)))).build(),
            1,
            T0);
    d.request("warm", ALICE, ALICE_FQANS);
    d.runUntil(BAN_AT.minusNanos(1));
    d.request("cached", ALICE, ALICE_FQANS);
    d.runUntil(BAN_AT);
    d.request("at", ALICE, ALICE_FQANS);
    d.runAll();

    assertEquals(d.decisionFor("warm"), d.decisionFor("cached"));
    assertEquals(BAN_AT.minusNanos(1), d.replyTo("cached").at());
    assertEquals(new AuthzDecision.Deny(DenyReason.BANNED_DN), d.decisionFor("at"));
    assertEquals(1, d.logic.stats(d.now()).cacheHits());
  }

  @Test
  void banPropagationDelayKeepsPermittingUntilItElapses() {
    Duration delay = Duration.ofMinutes(5);
    LogicDriver d =
        new LogicDriver(
            config()
                .banPropagationDelay(delay)
                .banSchedule(List.of(BanChange.ban(BAN_AT, BanTarget.dn(ALICE))))
                .build(),
            1,
            T0);
    d.request("warm", ALICE, ALICE_FQANS);
    d.runUntil(BAN_AT.plus(delay).minusNanos(1));
    d.request("late-but-cached", ALICE, ALICE_FQANS);
    d.runUntil(BAN_AT.plus(delay));
    d.request("enforced", ALICE, ALICE_FQANS);
    d.runAll();

    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("late-but-cached"));
    assertEquals(new AuthzDecision.Deny(DenyReason.BANNED_DN), d.decisionFor("enforced"));
  }

  @Test
  void unbanLiftsTheBanAndDropsCachedDenials() {
    LogicDriver d =
        new LogicDriver(
            config().banSchedule(List.of(BanChange.ban(T0, BanTarget.vo("cms")))).build(), 1, T0);
    d.request("denied", ALICE, ALICE_FQANS);
    d.runFor(Duration.ofSeconds(5));
    d.banChange(BanChange.unban(d.now(), BanTarget.vo("cms")));
    d.request("permitted", ALICE, ALICE_FQANS);
    d.runAll();

    assertEquals(new AuthzDecision.Deny(DenyReason.BANNED_VO), d.decisionFor("denied"));
    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("permitted"));
    assertEquals(0, d.logic.stats(d.now()).cacheHits());
  }

  @Test
  void resultComputedAcrossABanIsNotCached() {
    LogicDriver d =
        new LogicDriver(
            config()
                .banSchedule(
                    List.of(BanChange.ban(T0.plus(SERVICE.dividedBy(2)), BanTarget.dn(ALICE))))
                .build(),
            1,
            T0);
    d.request("started-before-ban", ALICE, ALICE_FQANS);
    d.runFor(SERVICE.multipliedBy(2));
    d.request("after", ALICE, ALICE_FQANS);
    d.runAll();

    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("started-before-ban"));
    assertEquals(new AuthzDecision.Deny(DenyReason.BANNED_DN), d.decisionFor("after"));
  }
}
