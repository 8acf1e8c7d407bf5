package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.HdrHistogram.Histogram;
import org.pilotpool.model.authz.AuthzDecision.DecisionKind;
import org.pilotpool.model.authz.AuthzDecision.DenyReason;
import org.pilotpool.model.authz.AuthzDecision.IndeterminateReason;

/**
 * The site authorization service as a queueing model, without Pekko: workers, a bounded FIFO
 * queue, a decision cache, bans, pool-account mapping and outages. Each input takes the current
 * instant and returns the effects it asks for (replies and timers); the host calls {@link
 * #onStart()} once, then the other inputs in time order.
 *
 * <p>Model choices:
 *
 * <ul>
 *   <li>The policy is evaluated when a worker picks the request up, so a request that started
 *       service before a ban took effect is still permitted.
 *   <li>A cache hit is answered at once, without a worker and even when the queue is full: the
 *       lookup costs microseconds against a service time of about a second, and zero keeps the
 *       event budget low. Real PEPd looks the cache up on a request thread, so under overload this
 *       is optimistic. Permit and Deny are cached, keyed by DN and FQANs; a result is not cached
 *       if a ban changed while it was being computed.
 *   <li>A request that times out in service keeps its worker until the service ends (the server
 *       does not notice the client left); one that times out in the queue frees nothing.
 *   <li>When an outage starts, queued and in-service requests are answered Unavailable, workers
 *       are freed and the cache is lost (a restarted daemon starts empty); pool-account leases
 *       survive, as a gridmapdir on disk does.
 *   <li>Every input first catches up on what fell due up to its instant (timeouts, bans, outage
 *       starts), so results do not depend on how a timer firing at the same instant is ordered.
 *       A request whose deadline equals the instant its service ends has timed out.
 * </ul>
 *
 * @param <R> how the host addresses a requester
 */
public final class SiteAuthzLogic<R> {

  private final SiteAuthzConfig config;
  private final RandomGenerator rng;
  private final Instant start;

  private final ArrayDeque<Pending<R>> queue = new ArrayDeque<>();
  /** Unanswered requests, queued or in service, by ticket: arrival order. */
  private final TreeMap<Long, Pending<R>> awaiting = new TreeMap<>();
  /** Requests holding a worker, answered or not, by ticket. */
  private final TreeMap<Long, Pending<R>> inService = new TreeMap<>();
  /** Requests made during an outage, waiting to be answered Unavailable. */
  private final TreeMap<Long, Pending<R>> connecting = new TreeMap<>();
  private final DecisionCache cache;

  private final Set<String> bannedDns = new HashSet<>();
  private final Set<String> bannedFqans = new HashSet<>();
  private final Set<String> bannedVos = new HashSet<>();
  private final PriorityQueue<PendingChange> pendingChanges =
      new PriorityQueue<>(
          Comparator.comparing(PendingChange::effective).thenComparingLong(PendingChange::seq));
  private long changeSeq;
  private long policyVersion;
  private int nextOutage;

  private final Map<String, AccountPool> pools = new HashMap<>();
  private long nextTicket;
  private Instant armedTimeout;
  private Instant armedSchedule;

  private final MetricSeries series;
  private final Histogram latencyMicros = new Histogram(3);
  private final EnumMap<DecisionKind, Long> decisions = new EnumMap<>(DecisionKind.class);
  private long arrivals;
  private long cacheHits;
  private int peakQueueLength;
  private int peakBusyWorkers;

  /**
   * @param config the site's service
   * @param rng the service-time stream, seeded from the master seed and the site's stable id
   * @param start when the service starts; the metrics' first bucket begins here
   */
  public SiteAuthzLogic(SiteAuthzConfig config, RandomGenerator rng, Instant start) {
    this.config = Objects.requireNonNull(config, "config");
    this.rng = Objects.requireNonNull(rng, "rng");
    this.start = Objects.requireNonNull(start, "start");
    this.cache = new DecisionCache(config.cacheEntries());
    this.series = new MetricSeries(start, config.statsBucket());
    for (BanChange change : config.banSchedule()) {
      schedule(change);
    }
  }

  /** The first input: applies what is already due and arms the schedule timer. */
  public List<AuthzEffect<R>> onStart() {
    List<AuthzEffect<R>> out = new ArrayList<>();
    advance(start, out);
    rearm(start, out);
    return out;
  }

  /** A request arrives at {@code now}; the reply goes to {@code replyTo}. */
  public List<AuthzEffect<R>> onRequest(Instant now, AuthzRequest request, R replyTo) {
    List<AuthzEffect<R>> out = new ArrayList<>();
    advance(now, out);
    arrivals++;
    series.count(now, MetricSeries.ARRIVALS);
    Pending<R> p =
        new Pending<>(nextTicket++, request, replyTo, now, now.plus(config.requestTimeout()));
    AuthzDecision cached;
    if (inOutage(now)) {
      if (config.outageReplyDelay().isZero()) {
        answer(p, AuthzDecision.UNAVAILABLE, now, out);
      } else {
        connecting.put(p.ticket, p);
        out.add(
            new AuthzEffect.StartTimer<>(
                new TimerKey.ConnectFailed(p.ticket), config.outageReplyDelay()));
      }
    } else if ((cached = cache.lookup(request, now)) != null) {
      cacheHits++;
      series.count(now, MetricSeries.CACHE_HITS);
      answer(p, cached, now, out);
    } else if (inService.size() < config.workers()) {
      awaiting.put(p.ticket, p);
      startService(p, now, out);
    } else if (queue.size() < config.queueCapacity()) {
      awaiting.put(p.ticket, p);
      queue.addLast(p);
      level(now);
    } else {
      answer(p, AuthzDecision.OVERLOADED, now, out);
    }
    rearm(now, out);
    return out;
  }

  /** A timer this logic asked for fires at {@code now}. */
  public List<AuthzEffect<R>> onTimer(Instant now, TimerKey key) {
    List<AuthzEffect<R>> out = new ArrayList<>();
    if (key == TimerKey.Tick.TIMEOUT) {
      armedTimeout = null;
    } else if (key == TimerKey.Tick.SCHEDULE) {
      armedSchedule = null;
    }
    advance(now, out);
    if (key instanceof TimerKey.ServiceDone done) {
      Pending<R> p = inService.remove(done.ticket());
      if (p != null) {
        finishService(p, now, out);
        startQueued(now, out);
      }
    } else if (key instanceof TimerKey.ConnectFailed failed) {
      Pending<R> p = connecting.remove(failed.ticket());
      if (p != null) {
        answer(p, AuthzDecision.UNAVAILABLE, now, out);
      }
    }
    rearm(now, out);
    return out;
  }

  /**
   * A ban or unban entered at {@code change.at()}; it takes effect {@link
   * SiteAuthzConfig#banPropagationDelay()} later, at once if that is already past.
   */
  public List<AuthzEffect<R>> onBanChange(Instant now, BanChange change) {
    List<AuthzEffect<R>> out = new ArrayList<>();
    schedule(change);
    advance(now, out);
    rearm(now, out);
    return out;
  }

  /** The metrics up to {@code now}. */
  public SiteAuthzStats stats(Instant now) {
    Duration zero = Duration.ZERO;
    SiteAuthzStats.Latency latency =
        latencyMicros.getTotalCount() == 0
            ? new SiteAuthzStats.Latency(0, zero, zero, zero, zero, zero)
            : new SiteAuthzStats.Latency(
                latencyMicros.getTotalCount(),
                micros(latencyMicros.getValueAtPercentile(50)),
                micros(latencyMicros.getValueAtPercentile(90)),
                micros(latencyMicros.getValueAtPercentile(99)),
                micros(latencyMicros.getMaxValue()),
                Duration.ofNanos(Math.round(latencyMicros.getMean() * 1000)));
    return new SiteAuthzStats(
        now,
        series.origin(),
        series.width(),
        series.snapshot(now),
        arrivals,
        cacheHits,
        decisions,
        latency,
        queue.size(),
        inService.size(),
        peakQueueLength,
        peakBusyWorkers);
  }

  /** Requests waiting for a worker. */
  public int queueLength() {
    return queue.size();
  }

  /** Workers busy, including those still serving a request that already timed out. */
  public int busyWorkers() {
    return inService.size();
  }

  private void schedule(BanChange change) {
    pendingChanges.add(
        new PendingChange(change.at().plus(config.banPropagationDelay()), changeSeq++, change));
  }

  /** Processes, in time order, everything due up to {@code now}. */
  private void advance(Instant now, List<AuthzEffect<R>> out) {
    while (true) {
      Pending<R> oldest = awaiting.isEmpty() ? null : awaiting.firstEntry().getValue();
      Instant scheduled = nextScheduled();
      if (oldest != null
          && !oldest.deadline.isAfter(now)
          && (scheduled == null || !scheduled.isBefore(oldest.deadline))) {
        timeOut(oldest, out);
      } else if (scheduled != null && !scheduled.isAfter(now)) {
        applyScheduled(scheduled, out);
      } else {
        return;
      }
    }
  }

  private Instant nextScheduled() {
    Instant ban = pendingChanges.isEmpty() ? null : pendingChanges.peek().effective();
    Instant outage =
        nextOutage < config.outages().size() ? config.outages().get(nextOutage).from() : null;
    if (ban == null) {
      return outage;
    }
    return outage == null || !outage.isBefore(ban) ? ban : outage;
  }

  private void applyScheduled(Instant t, List<AuthzEffect<R>> out) {
    if (!pendingChanges.isEmpty() && pendingChanges.peek().effective().equals(t)) {
      applyBanChange(pendingChanges.poll().change());
    } else {
      nextOutage++;
      startOutage(t, out);
    }
  }

  private void applyBanChange(BanChange change) {
    Set<String> set =
        switch (change.target().kind()) {
          case DN -> bannedDns;
          case FQAN -> bannedFqans;
          case VO -> bannedVos;
        };
    if (change.action() == BanChange.Action.BAN) {
      set.add(change.target().value());
    } else {
      set.remove(change.target().value());
    }
    policyVersion++;
    cache.invalidate(change.target());
  }

  private void startOutage(Instant t, List<AuthzEffect<R>> out) {
    for (Pending<R> p : awaiting.values()) {
      answer(p, AuthzDecision.UNAVAILABLE, t, out);
    }
    awaiting.clear();
    queue.clear();
    for (Long ticket : inService.keySet()) {
      out.add(new AuthzEffect.CancelTimer<>(new TimerKey.ServiceDone(ticket)));
    }
    inService.clear();
    cache.clear();
    level(t);
  }

  private boolean inOutage(Instant t) {
    for (OutageWindow w : config.outages()) {
      if (w.contains(t)) {
        return true;
      }
    }
    return false;
  }

  private void timeOut(Pending<R> p, List<AuthzEffect<R>> out) {
    awaiting.remove(p.ticket);
    if (!p.inService) {
      queue.remove(p);
      level(p.deadline);
    }
    answer(p, AuthzDecision.TIMED_OUT, p.deadline, out);
  }

  private void startService(Pending<R> p, Instant now, List<AuthzEffect<R>> out) {
    p.inService = true;
    p.decision = decide(p.request);
    p.policyVersion = policyVersion;
    inService.put(p.ticket, p);
    level(now);
    out.add(
        new AuthzEffect.StartTimer<>(
            new TimerKey.ServiceDone(p.ticket), config.serviceTime().sample(rng)));
  }

  private void finishService(Pending<R> p, Instant now, List<AuthzEffect<R>> out) {
    if (awaiting.remove(p.ticket) != null) {
      answer(p, p.decision, now, out);
    }
    if (p.policyVersion == policyVersion && isCacheable(p.decision)) {
      cache.put(p.request, p.decision, now.plus(config.cacheTtl()), now);
    }
    level(now);
  }

  private void startQueued(Instant now, List<AuthzEffect<R>> out) {
    while (inService.size() < config.workers() && !queue.isEmpty()) {
      startService(queue.pollFirst(), now, out);
    }
  }

  private boolean isCacheable(AuthzDecision d) {
    return !config.cacheTtl().isZero()
        && (d instanceof AuthzDecision.Permit || d instanceof AuthzDecision.Deny);
  }

  /** The policy: EGI credential check, bans (DN, FQAN, VO), VOMS membership, pool mapping. */
  private AuthzDecision decide(AuthzRequest r) {
    if (config.requirePilotCredential() && !r.hasPilotCredential()) {
      return new AuthzDecision.Indeterminate(IndeterminateReason.MISSING_PILOT_CREDENTIAL);
    }
    if (bannedDns.contains(r.identity())) {
      return new AuthzDecision.Deny(DenyReason.BANNED_DN);
    }
    for (String fqan : r.fqans()) {
      if (bannedFqans.contains(fqan)) {
        return new AuthzDecision.Deny(DenyReason.BANNED_FQAN);
      }
    }
    String vo = r.vo();
    if (bannedVos.contains(vo)) {
      return new AuthzDecision.Deny(DenyReason.BANNED_VO);
    }
    if (vo.isEmpty()) {
      return new AuthzDecision.Deny(DenyReason.UNKNOWN_USER);
    }
    int size = config.poolSize(vo);
    if (size == 0) {
      return AuthzDecision.NOT_APPLICABLE;
    }
    String account = pools.computeIfAbsent(vo, v -> new AccountPool(v, size)).lease(r.identity());
    return account == null
        ? new AuthzDecision.Indeterminate(IndeterminateReason.POOL_EXHAUSTED)
        : new AuthzDecision.Permit(account);
  }

  private void answer(Pending<R> p, AuthzDecision d, Instant t, List<AuthzEffect<R>> out) {
    out.add(new AuthzEffect.Reply<>(p.replyTo, new AuthzReply(p.request.requestId(), d)));
    DecisionKind kind = d.kind();
    decisions.merge(kind, 1L, Long::sum);
    switch (kind) {
      case OVERLOADED -> series.count(t, MetricSeries.OVERLOADED);
      case TIMED_OUT -> series.count(t, MetricSeries.TIMED_OUT);
      case UNAVAILABLE -> series.count(t, MetricSeries.UNAVAILABLE);
      default -> {
        series.count(t, MetricSeries.ANSWERED);
        latencyMicros.recordValue(Duration.between(p.arrival, t).toNanos() / 1000);
      }
    }
  }

  private void level(Instant t) {
    peakQueueLength = Math.max(peakQueueLength, queue.size());
    peakBusyWorkers = Math.max(peakBusyWorkers, inService.size());
    series.level(t, queue.size(), inService.size());
  }

  /**
   * Arms the timeout and schedule timers for the earliest pending instant. A timer already armed
   * earlier than needed is left alone: it fires early, finds nothing due and re-arms, which costs
   * one event per timeout period instead of one restart per answered request.
   */
  private void rearm(Instant now, List<AuthzEffect<R>> out) {
    Instant deadline = awaiting.isEmpty() ? null : awaiting.firstEntry().getValue().deadline;
    if (deadline != null && (armedTimeout == null || deadline.isBefore(armedTimeout))) {
      armedTimeout = deadline;
      out.add(
          new AuthzEffect.StartTimer<>(TimerKey.Tick.TIMEOUT, Duration.between(now, deadline)));
    }
    Instant scheduled = nextScheduled();
    if (scheduled != null && (armedSchedule == null || scheduled.isBefore(armedSchedule))) {
      armedSchedule = scheduled;
      out.add(
          new AuthzEffect.StartTimer<>(TimerKey.Tick.SCHEDULE, Duration.between(now, scheduled)));
    }
  }

  private static Duration micros(long value) {
    return Duration.ofNanos(value * 1000);
  }

  /** One request while the service holds it. */
  private static final class Pending<R> {
    final long ticket;
    final AuthzRequest request;
    final R replyTo;
    final Instant arrival;
    final Instant deadline;
    boolean inService;
    AuthzDecision decision;
    long policyVersion;

    Pending(long ticket, AuthzRequest request, R replyTo, Instant arrival, Instant deadline) {
      this.ticket = ticket;
      this.request = request;
      this.replyTo = replyTo;
      this.arrival = arrival;
      this.deadline = deadline;
    }
  }

  private record PendingChange(Instant effective, long seq, BanChange change) {}

  /**
   * A VO's pool of local accounts, leased to identities in order of first Permit and never
   * released, like an LCMAPS/Argus gridmapdir: the same identity always gets the same account.
   */
  private static final class AccountPool {
    private final String vo;
    private final int size;
    private final int digits;
    private final Map<String, String> leases = new HashMap<>();

    AccountPool(String vo, int size) {
      this.vo = vo;
      this.size = size;
      this.digits = Math.max(3, Integer.toString(size).length());
    }

    /** The identity's account, leasing the next free one; null when the pool is used up. */
    String lease(String identity) {
      String account = leases.get(identity);
      if (account == null && leases.size() < size) {
        account = vo + String.format("%0" + digits + "d", leases.size() + 1);
        leases.put(identity, account);
      }
      return account;
    }
  }

  /** Least-recently-used decisions with an expiry, keyed by DN and FQANs. */
  private static final class DecisionCache {
    private final int capacity;
    private final LinkedHashMap<Key, Entry> entries;

    DecisionCache(int capacity) {
      this.capacity = capacity;
      this.entries =
          new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, Entry> eldest) {
              return size() > DecisionCache.this.capacity;
            }
          };
    }

    AuthzDecision lookup(AuthzRequest request, Instant now) {
      if (capacity == 0) {
        return null;
      }
      Key key = new Key(request.identity(), request.fqans());
      Entry e = entries.get(key);
      if (e == null) {
        return null;
      }
      if (!now.isBefore(e.expires)) {
        entries.remove(key);
        return null;
      }
      return e.decision;
    }

    void put(AuthzRequest request, AuthzDecision decision, Instant expires, Instant now) {
      if (capacity > 0 && expires.isAfter(now)) {
        entries.put(
            new Key(request.identity(), request.fqans()), new Entry(request, decision, expires));
      }
    }

    void invalidate(BanTarget target) {
      for (Iterator<Entry> it = entries.values().iterator(); it.hasNext(); ) {
        if (target.matches(it.next().request)) {
          it.remove();
        }
      }
    }

    void clear() {
      entries.clear();
    }

    private record Key(String identity, List<String> fqans) {}

    private record Entry(AuthzRequest request, AuthzDecision decision, Instant expires) {}
  }
}
