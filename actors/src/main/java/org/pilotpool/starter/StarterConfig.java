package org.pilotpool.starter;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.util.Locale;
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

  /** The configuration key of the procd's kill mode. */
  public static final String KILL_MODE_KEY = "pilotpool.procd.kill-mode";

  /**
   * Reads {@code pilotpool.starter.{glexec-hold-on-initial-failure,
   * proxy-expiring-eviction-time, shadow-checkproxy-interval, redelegation, denial}} and
   * {@code pilotpool.procd.kill-mode}; absent keys keep HTCondor's behaviour.
   *
   * @throws BadInputException naming the file, line and key, and what was expected
   */
  public static StarterConfig fromConfig(Config config) {
    StarterConfig d = defaults();
    try {
      Config c = config.hasPath(SECTION) ? config.getConfig(SECTION) : null;
      boolean hold = c != null && c.hasPath("glexec-hold-on-initial-failure")
          ? c.getBoolean("glexec-hold-on-initial-failure") : d.holdOnInitialFailure();
      Duration eviction = c != null && c.hasPath("proxy-expiring-eviction-time")
          ? duration(c, "proxy-expiring-eviction-time", true) : d.proxyExpiringEvictionTime();
      Duration check = c != null && c.hasPath("shadow-checkproxy-interval")
          ? duration(c, "shadow-checkproxy-interval", false) : d.checkProxyInterval();
      IdentityPolicy identity = c != null && c.hasPath("redelegation")
          ? choice(c, SECTION, "redelegation", IdentityPolicy.class) : d.identityPolicy();
      DenialPolicy denial = c != null && c.hasPath("denial")
          ? choice(c, SECTION, "denial", DenialPolicy.class) : d.denialPolicy();
      KillMode kill = config.hasPath(KILL_MODE_KEY)
          ? choice(config, "", KILL_MODE_KEY, KillMode.class) : d.killMode();
      return new StarterConfig(hold, eviction, check, identity, denial, kill);
    } catch (ConfigException e) {
      throw new BadInputException(
          e.origin() == null ? null : e.origin().description(),
          e.origin() == null ? 0 : Math.max(e.origin().lineNumber(), 0),
          SECTION, e.getMessage());
    }
  }

  private static Duration duration(Config c, String key, boolean zeroAllowed) {
    Duration v = c.getDuration(key);
    if (v.isNegative() || (!zeroAllowed && v.isZero())) {
      var origin = c.getValue(key).origin();
      throw new BadInputException(origin.description(), Math.max(origin.lineNumber(), 0),
          SECTION + "." + key, "expected a " + (zeroAllowed ? "non-negative" : "positive")
              + " duration such as \"600 s\", got " + v.toSeconds() + " s");
    }
    return v;
  }

  private static <E extends Enum<E>> E choice(Config c, String section, String key,
      Class<E> type) {
    String text = c.getString(key);
    String name = text.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    var origin = c.getValue(key).origin();
    StringBuilder allowed = new StringBuilder();
    for (E e : type.getEnumConstants()) {
      allowed.append(allowed.length() == 0 ? "" : ", ")
          .append(e.name().toLowerCase(Locale.ROOT).replace('_', '-'));
    }
    throw new BadInputException(origin.description(), Math.max(origin.lineNumber(), 0),
        section.isEmpty() ? key : section + "." + key,
        "expected one of " + allowed + ", got '" + text + "'");
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
