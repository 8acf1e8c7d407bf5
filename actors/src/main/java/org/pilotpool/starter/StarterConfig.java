package org.pilotpool.starter;

import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.procd.KillMode;

/**
 * The starter's knobs in glexec mode.
 *
 * @param holdOnInitialFailure {@code GLEXEC_HOLD_ON_INITIAL_FAILURE} (true): a failed first
 *     glexec call (SETUP) holds the job with code 28; when false it gives a shadow exception and
 *     the job goes back to idle, unless the proxy had expired
 * @param proxyExpiringEvictionTime {@code PROXY_EXPIRING_EVICTION_TIME} (60 s): the job is held
 *     (code 4) and killed this long before its proxy expires
 * @param checkProxyInterval {@code SHADOW_CHECKPROXY_INTERVAL} (600 s): how often the shadow
 *     looks for a re-delegated proxy and pushes it
 * @param identityPolicy {@code pilotpool.starter.redelegation}: HTCondor's or ours
 * @param denialPolicy {@code pilotpool.starter.denial}: HTCondor's hold or our site exclusion
 * @param killMode {@code pilotpool.procd.kill-mode}: one KILL per process (HTCondor) or one for
 *     the root
 */
public record StarterConfig(
    boolean holdOnInitialFailure,
    Duration proxyExpiringEvictionTime,
    Duration checkProxyInterval,
    IdentityPolicy identityPolicy,
    DenialPolicy denialPolicy,
    KillMode killMode) {

  public StarterConfig {
    Objects.requireNonNull(identityPolicy, "identityPolicy");
    Objects.requireNonNull(denialPolicy, "denialPolicy");
    Objects.requireNonNull(killMode, "killMode");
    Objects.requireNonNull(proxyExpiringEvictionTime, "proxyExpiringEvictionTime");
    Objects.requireNonNull(checkProxyInterval, "checkProxyInterval");
    if (proxyExpiringEvictionTime.isNegative()) {
      throw new BadInputException(null, 0, "PROXY_EXPIRING_EVICTION_TIME",
          "must not be negative, got " + proxyExpiringEvictionTime.toSeconds() + " s");
    }
    if (checkProxyInterval.isZero() || checkProxyInterval.isNegative()) {
      throw new BadInputException(null, 0, "SHADOW_CHECKPROXY_INTERVAL",
          "must be a positive number of seconds, got " + checkProxyInterval.toSeconds());
    }
  }

  /** HTCondor 8.8's behaviour. */
  public static StarterConfig defaults() {
    return new StarterConfig(true, Duration.ofSeconds(60), Duration.ofSeconds(600),
        IdentityPolicy.HTCONDOR, DenialPolicy.HOLD, KillMode.SPREE);
  }

  public StarterConfig withHoldOnInitialFailure(boolean hold) {
    return new StarterConfig(hold, proxyExpiringEvictionTime, checkProxyInterval, identityPolicy,
        denialPolicy, killMode);
  }

  public StarterConfig withIdentityPolicy(IdentityPolicy policy) {
    return new StarterConfig(holdOnInitialFailure, proxyExpiringEvictionTime, checkProxyInterval,
        policy, denialPolicy, killMode);
  }

  public StarterConfig withDenialPolicy(DenialPolicy policy) {
    return new StarterConfig(holdOnInitialFailure, proxyExpiringEvictionTime, checkProxyInterval,
        identityPolicy, policy, killMode);
  }

  public StarterConfig withKillMode(KillMode mode) {
    return new StarterConfig(holdOnInitialFailure, proxyExpiringEvictionTime, checkProxyInterval,
        identityPolicy, denialPolicy, mode);
  }
}
