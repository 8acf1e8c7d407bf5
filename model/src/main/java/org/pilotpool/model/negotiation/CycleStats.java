package org.pilotpool.model.negotiation;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * What one negotiation cycle did.
 *
 * @param idleJobs idle jobs offered by all submitters
 * @param unclaimedSlots slots available for matching at the start
 * @param poolSlots slots in the pool, claimed or not (the size of the pie)
 * @param jobsConsidered jobs the matchmaker looked at: matched or rejected
 * @param matches jobs matched
 * @param spins pie spins
 * @param autoclusters job autoclusters formed
 * @param slotClasses groups of slots with identical ads apart from their names
 * @param slotsEvaluated (job autocluster, slot) pairs considered for candidacy
 * @param matchEvaluations symmetric-match evaluations actually run (fewer than slotsEvaluated when
 *     identical slots share one evaluation)
 * @param submittersConsidered submitter queues that had idle jobs
 * @param submittersServed submitter queues that got at least one match
 * @param jobRejections jobs rejected, by reason
 * @param slotRejections slot candidacies refused, by reason
 */
public record CycleStats(
    long idleJobs,
    int unclaimedSlots,
    double poolSlots,
    long jobsConsidered,
    long matches,
    int spins,
    int autoclusters,
    int slotClasses,
    long slotsEvaluated,
    long matchEvaluations,
    int submittersConsidered,
    int submittersServed,
    Map<JobRejection, Long> jobRejections,
    Map<SlotRejection, Long> slotRejections) {

  public CycleStats {
    jobRejections = Collections.unmodifiableMap(complete(jobRejections, JobRejection.class));
    slotRejections = Collections.unmodifiableMap(complete(slotRejections, SlotRejection.class));
  }

  private static <E extends Enum<E>> EnumMap<E, Long> complete(Map<E, Long> counts, Class<E> type) {
    EnumMap<E, Long> all = new EnumMap<>(type);
    for (E e : type.getEnumConstants()) {
      all.put(e, counts.getOrDefault(e, 0L));
    }
    return all;
  }

  /** A cycle that found nothing to do. */
  public static CycleStats empty(long idleJobs, int unclaimedSlots, double poolSlots) {
    return new CycleStats(idleJobs, unclaimedSlots, poolSlots, 0, 0, 0, 0, 0, 0, 0, 0, 0,
        Map.of(), Map.of());
  }
}
