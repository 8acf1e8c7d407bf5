package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.authz.AuthzDecision.DenyReason;
import org.pilotpool.model.authz.AuthzDecision.IndeterminateReason;

/** Pool-account mapping, the decision cache, and the credential checks. */
class SiteAuthzMappingTest {
  private static final Instant T0 = Instant.parse("2024-03-01T12:00:00Z");
  private static final Duration SERVICE = Duration.ofSeconds(1);
  private static final String ALICE = "/DC=org/CN=Alice";
  private static final String BOB = "/DC=org/CN=Bob";
  private static final List<String> CMS = List.of("/cms/Role=NULL");

  private static SiteAuthzConfig.Builder config() {
    return SiteAuthzConfig.builder().serviceTime(new ServiceTimeDistribution.Constant(SERVICE));
  }

  @Test
  void mappingIsStablePerIdentityAndDistinctAcrossIdentities() {
    LogicDriver d = new LogicDriver(config().cacheEntries(0).build(), 1, T0);
    d.request("alice-1", ALICE, CMS);
    d.request("bob", BOB, CMS);
    d.runAll();
    d.request("alice-2", ALICE, CMS);
    d.runAll();

    assertEquals(new AuthzDecision.Permit("cms001"), d.decisionFor("alice-1"));
    assertEquals(new AuthzDecision.Permit("cms002"), d.decisionFor("bob"));
    assertEquals(new AuthzDecision.Permit("cms001"), d.decisionFor("alice-2"));
  }

  @Test
  void eachVoMapsFromItsOwnPool() {
    LogicDriver d = new LogicDriver(config().poolSizes(Map.of("atlas", 1500)).build(), 1, T0);
    d.request("cms", ALICE, CMS);
    d.request("atlas", ALICE, List.of("/atlas/Role=production"));
    d.runAll();

    assertEquals(new AuthzDecision.Permit("cms001"), d.decisionFor("cms"));
    assertEquals(new AuthzDecision.Permit("atlas0001"), d.decisionFor("atlas"));
  }

  @Test
  void exhaustedPoolIsIndeterminate() {
    LogicDriver d = new LogicDriver(config().defaultPoolSize(1).build(), 1, T0);
    d.request("alice", ALICE, CMS);
    d.request("bob", BOB, CMS);
    d.runAll();

    assertEquals(new AuthzDecision.Permit("cms001"), d.decisionFor("alice"));
    assertEquals(
        new AuthzDecision.Indeterminate(IndeterminateReason.POOL_EXHAUSTED), d.decisionFor("bob"));
  }

  @Test
  void voWithoutPoolIsNotApplicable() {
    LogicDriver d =
        new LogicDriver(config().defaultPoolSize(0).poolSizes(Map.of("cms", 10)).build(), 1, T0);
    d.request("dteam", ALICE, List.of("/dteam"));
    d.runAll();
    assertEquals(AuthzDecision.NOT_APPLICABLE, d.decisionFor("dteam"));
  }

  @Test
  void credentialWithoutVomsAttributesIsDeniedAsUnknownUser() {
    LogicDriver d = new LogicDriver(config().build(), 1, T0);
    d.request("plain", ALICE, List.of());
    d.runAll();
    assertEquals(new AuthzDecision.Deny(DenyReason.UNKNOWN_USER), d.decisionFor("plain"));
  }

  @Test
  void egiSemanticsRequireThePilotCredential() {
    LogicDriver d = new LogicDriver(config().requirePilotCredential(true).build(), 1, T0);
    d.request(new AuthzRequest("payload-only", ALICE, CMS, null));
    d.request(new AuthzRequest("both", BOB, CMS, "/DC=org/CN=pilot"));
    d.runAll();

    assertEquals(
        new AuthzDecision.Indeterminate(IndeterminateReason.MISSING_PILOT_CREDENTIAL),
        d.decisionFor("payload-only"));
    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("both"));
  }

  @Test
  void osgSemanticsDoNotNeedThePilotCredential() {
    LogicDriver d = new LogicDriver(config().build(), 1, T0);
    d.request(new AuthzRequest("payload-only", ALICE, CMS, null));
    d.runAll();
    assertInstanceOf(AuthzDecision.Permit.class, d.decisionFor("payload-only"));
  }

  @Test
  void cacheHitIsAnsweredAtOnceEvenWithWorkersAndQueueFull() {
    LogicDriver d = new LogicDriver(config().workers(1).queueCapacity(1).build(), 1, T0);
    d.request("warm", ALICE, CMS);
    d.runAll();
    d.request("busy", "/DC=org/CN=u1", CMS);
    d.request("queued", "/DC=org/CN=u2", CMS);
    d.request("overloaded", "/DC=org/CN=u3", CMS);
    d.request("hit", ALICE, CMS);

    assertEquals(new AuthzDecision.Permit("cms001"), d.decisionFor("hit"));
    assertEquals(d.now(), d.replyTo("hit").at());
    assertEquals(AuthzDecision.OVERLOADED, d.decisionFor("overloaded"));
    assertEquals(1, d.logic.queueLength());
  }

  @Test
  void cachedDecisionExpiresAfterItsTtl() {
    Duration ttl = Duration.ofSeconds(600);
    LogicDriver d = new LogicDriver(config().cacheTtl(ttl).build(), 1, T0);
    d.request("warm", ALICE, CMS);
    d.runAll();
    Instant cachedAt = T0.plus(SERVICE);
    d.runUntil(cachedAt.plus(ttl).minusNanos(1));
    d.request("hit", ALICE, CMS);
    d.runUntil(cachedAt.plus(ttl));
    d.request("expired", ALICE, CMS);
    d.runAll();

    assertEquals(cachedAt.plus(ttl).minusNanos(1), d.replyTo("hit").at());
    assertEquals(cachedAt.plus(ttl).plus(SERVICE), d.replyTo("expired").at());
  }

  @Test
  void cacheKeepsOnlyTheMostRecentlyUsedEntries() {
    LogicDriver d = new LogicDriver(config().cacheEntries(1).build(), 1, T0);
    d.request("alice", ALICE, CMS);
    d.runAll();
    d.request("bob", BOB, CMS);
    d.runAll();
    d.request("alice-again", ALICE, CMS);
    d.request("bob-again", BOB, CMS);

    assertEquals(false, d.answered("alice-again"));
    assertEquals(true, d.answered("bob-again"));
  }
}
