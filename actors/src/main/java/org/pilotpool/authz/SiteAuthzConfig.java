package org.pilotpool.authz;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One site's authorization service. The defaults model an Argus PEP daemon with its shipped
 * {@code pepd.ini} values (Argus {@code pepd_configuration.rst}); each component's documentation
 * names the knob or measurement it comes from.
 *
 * @param workers requests processed at once: PEPd {@code [SERVICE] maximumRequests}, default 200
 * @param queueCapacity requests waiting for a worker before new ones get HTTP 503: PEPd {@code
 *     [SERVICE] requestQueueSize}, default 500
 * @param serviceTime how long a request holds a worker; default exponential, mean 1 s. Derivation:
 *     the Argus load tests ran saturated closed loops, so Little's law holds: 40 clients / 30 req/s
 *     = 1.33 s (v1.3, measured mean round trip 1340 ms) and 12 clients / 43 req/s = 0.28 s (v1.4,
 *     274 ms). At the ~40 concurrent requests a busy site sees, a request therefore occupies the
 *     server for 40 / (30..43) req/s = 0.93..1.33 s; 1 s is inside that range and gives 40 req/s at
 *     40 concurrent, matching the measured 30-43 req/s. Exponential because only means are
 *     published. Caveat: the real server is CPU bound, so its throughput stays near 40 req/s
 *     however many of the 200 workers are busy, while this model's saturated throughput is
 *     workers / mean = 200 req/s; set {@code workers} to 40 to model the measured ceiling instead
 * @param requestTimeout a request still queued or in service this long after it arrived is
 *     answered TimedOut: PEPd {@code connectionTimeout}, default 30 s
 * @param cacheEntries decisions kept in the response cache, 0 disables it: PEPd {@code [PDP]
 *     maximumCachedResponses}, default 500; least recently used entries are evicted first
 * @param cacheTtl how long a cached decision is served: PEPd {@code [PDP] cachedResponseTTL},
 *     default 600 s
 * @param banPropagationDelay time from a ban or unban being entered to the service enforcing it.
 *     Default zero: enforced at once, and cached decisions for the banned target are dropped at
 *     that instant. Real Argus without a PDP reload can take up to the PDP policy retention (240
 *     min) plus the PEP cache TTL (600 s); set this to such a value to reproduce it
 * @param banSchedule ban and unban changes entered at given times (the scenario's timeline)
 * @param poolSizes pool accounts per VO, kept sorted by VO ({@code cms} with 50 gives {@code
 *     cms001}..{@code cms050})
 * @param defaultPoolSize pool accounts of a VO not listed in {@code poolSizes}; 0 makes such VOs
 *     NotApplicable. Default 100: a site choice, not a published number
 * @param outages windows during which the service is down
 * @param outageReplyDelay how long a request during an outage waits before it is answered
 *     Unavailable. Default zero: the host is up and the daemon down, so the TCP connect is refused
 *     at once; a network cut instead looks like a connect timeout (e.g. 30 s)
 * @param requirePilotCredential EGI semantics (Argus via {@code lcmaps_c_pep}: the pilot proxy
 *     travels as the environment key-info): a request without the pilot credential is
 *     Indeterminate. False: OSG semantics (GUMS sees the payload credential only)
 * @param statsBucket width of the time buckets of {@link SiteAuthzStats}, default 1 s
 */
public record SiteAuthzConfig(
    int workers,
    int queueCapacity,
    ServiceTimeDistribution serviceTime,
    Duration requestTimeout,
    int cacheEntries,
    Duration cacheTtl,
    Duration banPropagationDelay,
    List<BanChange> banSchedule,
    Map<String, Integer> poolSizes,
    int defaultPoolSize,
    List<OutageWindow> outages,
    Duration outageReplyDelay,
    boolean requirePilotCredential,
    Duration statsBucket) {

  public SiteAuthzConfig {
    if (workers < 1) {
      throw new IllegalArgumentException("workers must be at least 1, got " + workers);
    }
    requireAtLeastZero("queueCapacity", queueCapacity);
    Objects.requireNonNull(serviceTime, "serviceTime");
    requirePositive("requestTimeout", requestTimeout);
    requireAtLeastZero("cacheEntries", cacheEntries);
    requireNotNegative("cacheTtl", cacheTtl);
    requireNotNegative("banPropagationDelay", banPropagationDelay);
    banSchedule = List.copyOf(banSchedule);
    poolSizes = copyPools(poolSizes);
    requireAtLeastZero("defaultPoolSize", defaultPoolSize);
    List<OutageWindow> sorted = new ArrayList<>(outages);
    sorted.sort(Comparator.comparing(OutageWindow::from));
    outages = List.copyOf(sorted);
    requireNotNegative("outageReplyDelay", outageReplyDelay);
    requirePositive("statsBucket", statsBucket);
  }

  /** The Argus defaults. */
  public static SiteAuthzConfig defaults() {
    return builder().build();
  }

  public static Builder builder() {
    return new Builder();
  }

  public Builder toBuilder() {
    return new Builder(this);
  }

  /** Pool size of {@code vo}: its own entry, else the default. */
  public int poolSize(String vo) {
    return poolSizes.getOrDefault(vo, defaultPoolSize);
  }

  private static Map<String, Integer> copyPools(Map<String, Integer> pools) {
    TreeMap<String, Integer> copy = new TreeMap<>();
    pools.forEach(
        (vo, size) -> {
          if (vo == null || vo.isBlank() || size == null || size < 0) {
            throw new IllegalArgumentException(
                "pool sizes need a VO name and a size >= 0, got " + vo + " = " + size);
          }
          copy.put(vo, size);
        });
    return Collections.unmodifiableSortedMap(copy);
  }

  private static void requireAtLeastZero(String name, int value) {
    if (value < 0) {
      throw new IllegalArgumentException(name + " must be >= 0, got " + value);
    }
  }

  private static void requireNotNegative(String name, Duration value) {
    Objects.requireNonNull(value, name);
    if (value.isNegative()) {
      throw new IllegalArgumentException(name + " must not be negative, got " + value);
    }
  }

  private static void requirePositive(String name, Duration value) {
    requireNotNegative(name, value);
    if (value.isZero()) {
      throw new IllegalArgumentException(name + " must be positive, got " + value);
    }
  }

  /** Builds a config from the defaults, changing only what is set. */
  public static final class Builder {
    private int workers = 200;
    private int queueCapacity = 500;
    private ServiceTimeDistribution serviceTime =
        new ServiceTimeDistribution.Exponential(Duration.ofSeconds(1));
    private Duration requestTimeout = Duration.ofSeconds(30);
    private int cacheEntries = 500;
    private Duration cacheTtl = Duration.ofSeconds(600);
    private Duration banPropagationDelay = Duration.ZERO;
    private List<BanChange> banSchedule = List.of();
    private Map<String, Integer> poolSizes = Map.of();
    private int defaultPoolSize = 100;
    private List<OutageWindow> outages = List.of();
    private Duration outageReplyDelay = Duration.ZERO;
    private boolean requirePilotCredential = false;
    private Duration statsBucket = Duration.ofSeconds(1);

    private Builder() {}

    private Builder(SiteAuthzConfig c) {
      workers = c.workers;
      queueCapacity = c.queueCapacity;
      serviceTime = c.serviceTime;
      requestTimeout = c.requestTimeout;
      cacheEntries = c.cacheEntries;
      cacheTtl = c.cacheTtl;
      banPropagationDelay = c.banPropagationDelay;
      banSchedule = c.banSchedule;
      poolSizes = c.poolSizes;
      defaultPoolSize = c.defaultPoolSize;
      outages = c.outages;
      outageReplyDelay = c.outageReplyDelay;
      requirePilotCredential = c.requirePilotCredential;
      statsBucket = c.statsBucket;
    }

    public Builder workers(int v) {
      workers = v;
      return this;
    }

    public Builder queueCapacity(int v) {
      queueCapacity = v;
      return this;
    }

    public Builder serviceTime(ServiceTimeDistribution v) {
      serviceTime = v;
      return this;
    }

    public Builder requestTimeout(Duration v) {
      requestTimeout = v;
      return this;
    }

    public Builder cacheEntries(int v) {
      cacheEntries = v;
      return this;
    }

    public Builder cacheTtl(Duration v) {
      cacheTtl = v;
      return this;
    }

    public Builder banPropagationDelay(Duration v) {
      banPropagationDelay = v;
      return this;
    }

    public Builder banSchedule(List<BanChange> v) {
      banSchedule = v;
      return this;
    }

    public Builder poolSizes(Map<String, Integer> v) {
      poolSizes = v;
      return this;
    }

    public Builder defaultPoolSize(int v) {
      defaultPoolSize = v;
      return this;
    }

    public Builder outages(List<OutageWindow> v) {
      outages = v;
      return this;
    }

    public Builder outageReplyDelay(Duration v) {
      outageReplyDelay = v;
      return this;
    }

    public Builder requirePilotCredential(boolean v) {
      requirePilotCredential = v;
      return this;
    }

    public Builder statsBucket(Duration v) {
      statsBucket = v;
      return this;
    }

    public SiteAuthzConfig build() {
      return new SiteAuthzConfig(
          workers,
          queueCapacity,
          serviceTime,
          requestTimeout,
          cacheEntries,
          cacheTtl,
          banPropagationDelay,
          banSchedule,
          poolSizes,
          defaultPoolSize,
          outages,
          outageReplyDelay,
          requirePilotCredential,
          statsBucket);
    }
  }
}
