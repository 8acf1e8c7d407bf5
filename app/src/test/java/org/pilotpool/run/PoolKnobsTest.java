package org.pilotpool.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.pilotpool.cli.Defaults;
import org.pilotpool.model.config.ConfigFiles;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glidein.GlexecUse;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.retry.CircuitBreakerConfig;
import org.pilotpool.model.retry.ClassifiedBackoffConfig;
import org.pilotpool.model.retry.ClassifiedBackoffPolicy;
import org.pilotpool.negotiator.NegotiatorSettings;
import org.pilotpool.pool.PoolSpec;
import org.pilotpool.schedd.ScheddConfig;
import org.pilotpool.startd.StartdConfig;
import org.pilotpool.starter.StarterConfig;

/** The daemons' knobs as application.conf documents them, read into the pool's spec. */
class PoolKnobsTest {
  private static final PoolSpec BARE = PoolSpec.of(List.of(),
      new ProxyCredential("pilot", "/CN=pilot", List.of(), Instant.parse("2100-01-01T00:00:00Z")),
      Duration.ofHours(1));

  private static PoolSpec knobs(String scenario) {
    return BARE.withKnobsFrom(ConfigFiles.parse(scenario, "scenario.conf", Defaults.config()));
  }

  @Test
  void theDocumentedDefaultsAreHtcondors() {
    PoolSpec spec = knobs("");
    assertEquals(ScheddConfig.defaults(), spec.schedd());
    assertEquals(StartdConfig.defaults().claimWorklife(), spec.startd().claimWorklife());
    assertEquals(StarterConfig.defaults(), spec.starter());
    assertEquals(NegotiatorSettings.defaults().interval(), spec.negotiator().interval());
    assertEquals(NegotiatorSettings.defaults().defaultPrioFactor(), spec.negotiator().defaultPrioFactor());
    assertEquals(3, spec.retry().retries());
    assertEquals(Duration.ofSeconds(5), spec.retry().retryDelay());
    assertEquals(GlexecUse.OPTIONAL, spec.glexecUse());
  }

  @Test
  void glideinWmsStopThrottleIsTwoKeys() {
    PoolSpec spec = knobs("pilotpool.schedd { job-stop-delay = 1s, job-stop-count = 30 }");
    assertEquals(Duration.ofSeconds(1), spec.schedd().jobStopDelay());
    assertEquals(30, spec.schedd().jobStopCount());
  }

  @Test
  void ourPoliciesAreSwitches() {
    PoolSpec spec = knobs("pilotpool.starter { denial = exclude-site, redelegation = refuse-identity-change }\n"
        + "pilotpool.frontend.glexec-use = required");
    assertEquals(org.pilotpool.starter.DenialPolicy.EXCLUDE_SITE, spec.starter().denialPolicy());
    assertEquals(GlexecUse.REQUIRED, spec.glexecUse());
  }

  @Test
  void theCircuitBreakerIsOffByDefault() {
    assertEquals(Optional.empty(), knobs("").breaker());
  }

  @Test
  void anEnabledBreakerTakesTheDocumentedDefaults() {
    assertEquals(Optional.of(CircuitBreakerConfig.defaults()),
        knobs("pilotpool.glexec.breaker.enabled = true").breaker());
  }

  @Test
  void breakerKnobsAreRead() {
    CircuitBreakerConfig read = knobs("pilotpool.glexec.breaker { enabled = true, "
        + "failure-threshold = 3, open-interval = 10s, open-interval-multiplier = 1.5, "
        + "max-open-interval = 2m, half-open-probes = 2 }").breaker().orElseThrow();
    assertEquals(new CircuitBreakerConfig(3, Duration.ofSeconds(10), 1.5, Duration.ofMinutes(2), 2),
        read);
  }

  @Test
  void aMaxOpenIntervalBelowTheOpenIntervalNamesItsLineEvenWhenTheBreakerIsOff() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> knobs("pilotpool.glexec.breaker {\n  open-interval = 60s\n  max-open-interval = 30s\n}\n"));
    assertTrue(e.oneLine().contains("scenario.conf:3: pilotpool.glexec.breaker.max-open-interval: "
        + "expected at least the open interval"), e.oneLine());
  }

  @Test
  void theClassifiedPolicyTakesTheDocumentedDefaults() {
    assertEquals(ClassifiedBackoffConfig.defaults(), knobs("").classified());
  }

  @Test
  void theClassifiedPolicyBacksOffFromItsConfiguredBaseDelayUpToItsCap() {
    PoolSpec spec = knobs("pilotpool.glexec { retry-policy = classified\n"
        + "  classified { base-delay = 2s, max-delay = 10s, max-attempts = 4 } }");
    var policy = (ClassifiedBackoffPolicy) spec.retryPolicy(new SplittableRandom(1));
    assertEquals(Duration.ofSeconds(2), policy.window(1));
    assertEquals(Duration.ofSeconds(8), policy.window(3));
    assertEquals(Duration.ofSeconds(10), policy.window(4));
  }

  @Test
  void anUnknownAttemptLimitAboveTheAttemptLimitNamesItsLine() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> knobs("pilotpool.glexec.classified {\n  max-attempts = 2\n  max-unknown-attempts = 3\n}\n"));
    assertTrue(e.oneLine().contains(
        "scenario.conf:3: pilotpool.glexec.classified.max-unknown-attempts: expected a whole number"),
        e.oneLine());
  }

  @Test
  void aBadKnobNamesItsKeyLineAndWhatWasExpected() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> knobs("pilotpool {\n  schedd {\n    job-stop-count = 0\n  }\n}\n"));
    assertTrue(e.oneLine().contains(":3: pilotpool.schedd.job-stop-count: expected a whole number of at least 1"),
        e.oneLine());
  }

  @Test
  void anUnknownChoiceListsTheValidOnes() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> knobs("pilotpool.procd.kill-mode = shotgun"));
    assertTrue(e.oneLine().contains("expected one of"), e.oneLine());
  }

  @Test
  void anUnparseablePeriodicExpressionIsRejectedWithItsKey() {
    BadInputException e = assertThrows(BadInputException.class,
        () -> knobs("pilotpool.schedd.system-periodic-release = \"HoldReasonCode == \""));
    assertTrue(e.oneLine().contains("pilotpool.schedd.system-periodic-release"), e.oneLine());
  }
}
