package org.pilotpool.starter;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.Objects;
import org.pilotpool.model.config.Section;
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
 * @param glexecJob {@code GLEXEC_JOB} (true): every identity switch goes through glexec. A
 *     glidein whose glexec setup disabled glexec writes {@code GLEXEC_JOB=False}: its starters
 *     then run the job as the pilot's own account, with no glexec call at all (no SETUP, LAUNCH,
 *     CLEANUP or UPDATE_PROXY; kills go straight to the job's processes), and a job without a
 *     proxy is not an error
 */
public record StarterConfig(
    boolean holdOnInitialFailure,
    Duration proxyExpiringEvictionTime,
    Duration checkProxyInterval,
    IdentityPolicy identityPolicy,
    DenialPolicy denialPolicy,
    KillMode killMode,
    boolean glexecJob) {

  /** With {@code GLEXEC_JOB} true, as every site with glexec runs. */
  public StarterConfig(boolean holdOnInitialFailure, Duration proxyExpiringEvictionTime,
      Duration checkProxyInterval, IdentityPolicy identityPolicy, DenialPolicy denialPolicy,
      KillMode killMode) {
    this(holdOnInitialFailure, proxyExpiringEvictionTime, checkProxyInterval, identityPolicy,
        denialPolicy, killMode, true);
  }

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

  /** The configuration section the starter's settings are read from. */
  public static final String SECTION = "pilotpool.starter";

  /**
   * Reads {@code pilotpool.starter.{glexec-hold-on-initial-failure,
   * proxy-expiring-eviction-time, shadow-checkproxy-interval, redelegation, denial}} and
   * {@code pilotpool.procd.kill-mode}; absent keys keep HTCondor's behaviour.
   *
   * @throws BadInputException naming the file, line and key, and what was expected
   */
  public static StarterConfig fromConfig(Config config) {
    StarterConfig d = defaults();
    Section c = Section.of(config, SECTION);
    // SHADOW_CHECKPROXY_INTERVAL must be positive; PROXY_EXPIRING_EVICTION_TIME may be 0.
    return new StarterConfig(
        c.bool("glexec-hold-on-initial-failure", d.holdOnInitialFailure()),
        c.duration("proxy-expiring-eviction-time", d.proxyExpiringEvictionTime(), Duration.ZERO),
        c.duration("shadow-checkproxy-interval", d.checkProxyInterval(), Duration.ofNanos(1)),
        c.choice("redelegation", IdentityPolicy.class, d.identityPolicy()),
        c.choice("denial", DenialPolicy.class, d.denialPolicy()),
        Section.of(config, "pilotpool.procd").choice("kill-mode", KillMode.class, d.killMode()),
        d.glexecJob());
  }

  /** HTCondor 8.8's behaviour. */
  public static StarterConfig defaults() {
    return new StarterConfig(true, Duration.ofSeconds(60), Duration.ofSeconds(600),
        IdentityPolicy.HTCONDOR, DenialPolicy.HOLD, KillMode.SPREE);
  }

  public StarterConfig withHoldOnInitialFailure(boolean hold) {
    return new StarterConfig(hold, proxyExpiringEvictionTime, checkProxyInterval, identityPolicy,
        denialPolicy, killMode, glexecJob);
  }

  public StarterConfig withIdentityPolicy(IdentityPolicy policy) {
    return new StarterConfig(holdOnInitialFailure, proxyExpiringEvictionTime, checkProxyInterval,
        policy, denialPolicy, killMode, glexecJob);
  }

  public StarterConfig withDenialPolicy(DenialPolicy policy) {
    return new StarterConfig(holdOnInitialFailure, proxyExpiringEvictionTime, checkProxyInterval,
        identityPolicy, policy, killMode, glexecJob);
  }

  public StarterConfig withKillMode(KillMode mode) {
    return new StarterConfig(holdOnInitialFailure, proxyExpiringEvictionTime, checkProxyInterval,
        identityPolicy, denialPolicy, mode, glexecJob);
  }

  /** With {@code GLEXEC_JOB} as a glidein's setup wrote it. */
  public StarterConfig withGlexecJob(boolean job) {
    return new StarterConfig(holdOnInitialFailure, proxyExpiringEvictionTime, checkProxyInterval,
        identityPolicy, denialPolicy, killMode, job);
  }
}
