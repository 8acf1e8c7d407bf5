package org.pilotpool.authz;

import org.pilotpool.model.authz.AuthzDecision;

import java.time.Duration;
import java.time.Instant;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.pilotpool.model.authz.AuthzDecision.DecisionKind;

/**
 * A snapshot of what a site admin asks of the authorization service: load, queue, latency and
 * outcomes, in total and per time bucket.
 *
 * @param at when the snapshot was taken
 * @param seriesStart start of the first bucket (when the service started)
 * @param bucketWidth width of each bucket
 * @param buckets one entry per bucket from {@code seriesStart} up to {@code at}, idle ones included
 * @param arrivals requests received
 * @param cacheHits requests answered from the decision cache
 * @param decisions replies sent, by kind (every kind present, zero included)
 * @param latency arrival-to-reply time of requests that got a policy decision (Permit, Deny,
 *     Indeterminate, NotApplicable, cache hits included); rejections are counted, not timed
 * @param queueLength requests waiting for a worker now
 * @param busyWorkers workers busy now (timed-out requests still hold theirs until done)
 * @param peakQueueLength the longest the queue has been
 * @param peakBusyWorkers the most workers busy at once
 */
public record SiteAuthzStats(
    Instant at,
    Instant seriesStart,
    Duration bucketWidth,
    List<Bucket> buckets,
    long arrivals,
    long cacheHits,
    Map<DecisionKind, Long> decisions,
    Latency latency,
    int queueLength,
    int busyWorkers,
    int peakQueueLength,
    int peakBusyWorkers) {

  public SiteAuthzStats {
    buckets = List.copyOf(buckets);
    EnumMap<DecisionKind, Long> all = new EnumMap<>(DecisionKind.class);
    for (DecisionKind kind : DecisionKind.values()) {
      all.put(kind, decisions.getOrDefault(kind, 0L));
    }
    // An EnumMap, not Map.copyOf: its iteration order is fixed, so reports come out identical.
    decisions = Collections.unmodifiableMap(all);
  }

  /** Replies of one kind. */
  public long decisions(DecisionKind kind) {
    return decisions.get(kind);
  }

  /** Replies that carried no policy decision: overload, timeout and outage. */
  public long rejections() {
    return decisions(DecisionKind.OVERLOADED)
        + decisions(DecisionKind.TIMED_OUT)
        + decisions(DecisionKind.UNAVAILABLE);
  }

  /**
   * One time bucket {@code [start, start + bucketWidth)}. Counts are events in the bucket; queue
   * and worker levels are the maximum during the bucket and the level at its end.
   */
  public record Bucket(
      Instant start,
      int arrivals,
      int cacheHits,
      int answered,
      int overloaded,
      int timedOut,
      int unavailable,
      int queueLengthMax,
      int queueLengthEnd,
      int busyWorkersMax,
      int busyWorkersEnd) {}

  /**
   * Latency percentiles, with HdrHistogram's precision (three significant digits, microsecond
   * unit); {@link Duration#ZERO} everywhere when {@code count} is 0.
   */
  public record Latency(
      long count, Duration p50, Duration p90, Duration p99, Duration max, Duration mean) {}
}
