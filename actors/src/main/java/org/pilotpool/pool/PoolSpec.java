package org.pilotpool.pool;

import com.typesafe.config.Config;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.random.RandomGenerator;
import org.pilotpool.model.retry.RetryPolicy;
import org.pilotpool.model.config.Section;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glidein.GlexecUse;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.retry.CircuitBreakerConfig;
import org.pilotpool.model.retry.ClassifiedBackoffConfig;
import org.pilotpool.model.retry.HtcondorRetryConfig;
import org.pilotpool.negotiator.NegotiatorSettings;
import org.pilotpool.schedd.ScheddConfig;
import org.pilotpool.startd.StartdConfig;
import org.pilotpool.starter.StarterConfig;

/**
 * A pool to assemble: one schedd, the collector and negotiator, the sites with their static
 * slots, the knobs of every daemon, and the actions to carry out at given times.
 *
 * @param pilotProxy the proxy the slots' pilots run with ({@code X509_USER_PROXY})
 * @param statsAt when to take each site's authorization statistics (before the run ends)
 * @param glexecUse the frontend's {@code GLIDEIN_Glexec_Use} for the glideins of sites whose
 *     slots come from glideins (OPTIONAL, as a glidein assumes when the frontend sets none)
 * @param retryChoice how starters retry failed glexec steps ({@code retry} is HTCondor's knobs)
 * @param classified the settings of our classified policy, used when {@code retryChoice} picks it
 * @param breaker the circuit breaker each worker node puts on its site's authorization service;
 *     empty (HTCondor's behaviour) for none
 */
public record PoolSpec(
    ScheddConfig schedd,
    NegotiatorSettings negotiator,
    StartdConfig startd,
    StarterConfig starter,
    HtcondorRetryConfig retry,
    List<SiteSpec> sites,
    ProxyCredential pilotProxy,
    List<ScheduledAction> actions,
    Duration statsAt,
    GlexecUse glexecUse,
    RetryChoice retryChoice,
    ClassifiedBackoffConfig classified,
    Optional<CircuitBreakerConfig> breaker) {
  /** A pool whose glideins, if any, get {@code GLIDEIN_Glexec_Use=OPTIONAL}. */
  public PoolSpec(ScheddConfig schedd, NegotiatorSettings negotiator, StartdConfig startd,
      StarterConfig starter, HtcondorRetryConfig retry, List<SiteSpec> sites,
      ProxyCredential pilotProxy, List<ScheduledAction> actions, Duration statsAt) {
    this(schedd, negotiator, startd, starter, retry, sites, pilotProxy, actions, statsAt,
        GlexecUse.OPTIONAL, RetryChoice.HTCONDOR, ClassifiedBackoffConfig.defaults(),
        Optional.empty());
  }

  /** A starter's glexec retry policy, drawing from {@code random}. */
  public RetryPolicy retryPolicy(RandomGenerator random) {
    return retryChoice.create(retry, classified, random);
  }

  public PoolSpec {
    Objects.requireNonNull(glexecUse, "glexecUse");
    Objects.requireNonNull(retryChoice, "retryChoice");
    Objects.requireNonNull(classified, "classified");
    Objects.requireNonNull(breaker, "breaker");
    Objects.requireNonNull(schedd, "schedd");
    Objects.requireNonNull(negotiator, "negotiator");
    Objects.requireNonNull(startd, "startd");
    Objects.requireNonNull(starter, "starter");
    Objects.requireNonNull(retry, "retry");
    Objects.requireNonNull(pilotProxy, "pilotProxy");
    Objects.requireNonNull(statsAt, "statsAt");
    sites = List.copyOf(sites);
    actions = List.copyOf(actions);
    long distinct = sites.stream().map(SiteSpec::name).distinct().count();
    if (distinct != sites.size()) {
      throw new IllegalArgumentException("site names must be distinct");
    }
  }

  /** HTCondor's defaults for every daemon, the given sites, no actions. */
  public static PoolSpec of(List<SiteSpec> sites, ProxyCredential pilotProxy, Duration statsAt) {
    return new PoolSpec(ScheddConfig.defaults(), NegotiatorSettings.defaults(),
        StartdConfig.defaults(), StarterConfig.defaults(), HtcondorRetryConfig.defaults(), sites,
        pilotProxy, List.of(), statsAt, GlexecUse.OPTIONAL, RetryChoice.HTCONDOR,
        ClassifiedBackoffConfig.defaults(), Optional.empty());
  }

  public PoolSpec withSchedd(ScheddConfig config) {
    return new PoolSpec(config, negotiator, startd, starter, retry, sites, pilotProxy, actions,
        statsAt, glexecUse, retryChoice, classified, breaker);
  }

  public PoolSpec withStartd(StartdConfig config) {
    return new PoolSpec(schedd, negotiator, config, starter, retry, sites, pilotProxy, actions,
        statsAt, glexecUse, retryChoice, classified, breaker);
  }

  public PoolSpec withStarter(StarterConfig config) {
    return new PoolSpec(schedd, negotiator, startd, config, retry, sites, pilotProxy, actions,
        statsAt, glexecUse, retryChoice, classified, breaker);
  }

  /**
   * The daemons' knobs from a configuration: its {@code pilotpool.schedd}, {@code .negotiator},
   * {@code .startd}, {@code .starter}, {@code .procd}, {@code .glexec} (with its {@code breaker})
   * and {@code .frontend} sections. Keys a section leaves out keep HTCondor's defaults.
   *
   * @throws org.pilotpool.model.input.BadInputException naming the file, line and key
   */
  public PoolSpec withKnobsFrom(Config config) {
    Section glexec = Section.of(config, "pilotpool.glexec");
    HtcondorRetryConfig retries = new HtcondorRetryConfig(
        glexec.integer("retries", HtcondorRetryConfig.DEFAULT_RETRIES, 0),
        glexec.duration("retry-delay", HtcondorRetryConfig.DEFAULT_RETRY_DELAY, Duration.ZERO));
    GlexecUse use = Section.of(config, "pilotpool.frontend")
        .choice("glexec-use", GlexecUse.class, glexecUse);
    RetryChoice choice = glexec.choice("retry-policy", RetryChoice.class, retryChoice);
    return new PoolSpec(ScheddConfig.fromConfig(config), NegotiatorSettings.fromConfig(config),
        StartdConfig.fromConfig(config), StarterConfig.fromConfig(config), retries, sites,
        pilotProxy, actions, statsAt, use, choice, classifiedFrom(config), breakerFrom(config));
  }

  /** {@code pilotpool.glexec.classified}: checked whichever policy is chosen, as the breaker is. */
  private ClassifiedBackoffConfig classifiedFrom(Config config) {
    Section section = Section.of(config, "pilotpool.glexec.classified");
    ClassifiedBackoffConfig d = classified;
    return checked(section, "base-delay", () -> new ClassifiedBackoffConfig(
        section.duration("base-delay", d.baseDelay(), Duration.ZERO),
        section.duration("max-delay", d.maxDelay(), Duration.ZERO),
        section.integer("max-attempts", d.maxAttempts(), 1),
        section.integer("max-unknown-attempts", d.maxUnknownAttempts(), 1)));
  }

  /**
   * {@code pilotpool.glexec.breaker}: its settings are checked even when it is not enabled, so a
   * typo shows before someone turns it on.
   */
  private Optional<CircuitBreakerConfig> breakerFrom(Config config) {
    Section section = Section.of(config, "pilotpool.glexec.breaker");
    CircuitBreakerConfig d = breaker.orElse(CircuitBreakerConfig.defaults());
    CircuitBreakerConfig read = checked(section, "enabled", () -> new CircuitBreakerConfig(
        section.integer("failure-threshold", d.failureThreshold(), 1),
        section.duration("open-interval", d.openInterval(), Duration.ZERO),
        section.decimal("open-interval-multiplier", d.openIntervalMultiplier(), 1.0),
        section.duration("max-open-interval", d.maxOpenInterval(), Duration.ZERO),
        section.integer("half-open-probes", d.halfOpenProbes(), 1)));
    return section.bool("enabled", breaker.isPresent()) ? Optional.of(read) : Optional.empty();
  }

  /**
   * A settings record read from {@code section}. The record names the key it checked across
   * fields but not where it was set: its complaint is pointed at the line that set the key
   * ({@code otherwise} when it names none).
   */
  private static <T> T checked(Section section, String otherwise, Supplier<T> read) {
    try {
      return read.get();
    } catch (BadInputException e) {
      if (e.source().isPresent()) {
        throw e;
      }
      String key = e.key().map(k -> k.substring(k.lastIndexOf('.') + 1)).orElse(otherwise);
      throw section.bad(key, e.problem());
    }
  }


  /** The frontend's {@code GLIDEIN_Glexec_Use} for every glidein. */
  public PoolSpec withGlexecUse(GlexecUse use) {
    return new PoolSpec(schedd, negotiator, startd, starter, retry, sites, pilotProxy, actions,
        statsAt, use, retryChoice, classified, breaker);
  }

  /** Whether any site's slots come from glideins (the pool then runs the factory). */
  public boolean usesPilots() {
    return sites.stream().anyMatch(s -> s.pilots().isPresent());
  }

  /** The same pool with one more action at {@code at}. */
  public PoolSpec with(Duration at, PoolAction action) {
    List<ScheduledAction> more = new ArrayList<>(actions);
    more.add(new ScheduledAction(at, action));
    return new PoolSpec(schedd, negotiator, startd, starter, retry, sites, pilotProxy, more,
        statsAt, glexecUse, retryChoice, classified, breaker);
  }
}
