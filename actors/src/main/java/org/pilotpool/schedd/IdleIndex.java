package org.pilotpool.schedd;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Predicate;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobQueue;
import org.pilotpool.model.negotiation.Autocluster;
import org.pilotpool.model.negotiation.AutoclusterSignature;

/**
 * The schedd's idle, unmatched jobs, kept up to date on every queue change as HTCondor's schedd
 * keeps its autoclusters: per submitter, per autocluster ({@link AutoclusterSignature}), the job
 * ids in submission order. A negotiation cycle then costs one entry per autocluster, not one per
 * job.
 *
 * <p>Only the ad of an autocluster's first job is ever evaluated, so ads are not kept: a job's ad
 * is built to find its autocluster and again, with {@code CurrentTime} at the moment of use, when
 * its autocluster is handed out. Keeping one per idle job would hold hundreds of megabytes in a
 * queue of 100k jobs for nothing.
 */
final class IdleIndex {
  /** Builds a job's ad as of {@code now}. */
  @FunctionalInterface
  interface Ads {
    ClassAd of(JobId id, Instant now);
  }

  private final Ads ads;
  private AutoclusterSignature.Memo keys = AutoclusterSignature.withSignificant(Set.of()).memo();
  private Set<String> significant = Set.of();
  private final Map<JobId, Entry> entries = new HashMap<>();
  /** Autoclusters by submitter, each in the order it was first formed. */
  private final Map<String, Map<Object, Cluster>> bySubmitter = new TreeMap<>();

  /** One job's entry; it shares its cluster's key rather than holding an equal copy. */
  private record Entry(String owner, Cluster cluster, List<String> excludedSites) {}

  /** An autocluster: its signature and its jobs in submission order. */
  private static final class Cluster {
    final Object key;
    final ClusterMembers members = new ClusterMembers();

    Cluster(Object key) {
      this.key = key;
    }
  }

  IdleIndex(Ads ads) {
    this.ads = ads;
  }

  /** The identity attributes the autoclusters are split by now. */
  Set<String> significant() {
    return significant;
  }

  boolean contains(JobId id) {
    return entries.containsKey(id);
  }

  /** Adds the job, or replaces its entry after it changed; {@code ad} is its ad now. */
  void put(JobId id, String owner, ClassAd ad, List<String> excludedSites) {
    remove(id);
    Cluster cluster = bySubmitter.computeIfAbsent(owner, o -> new LinkedHashMap<>())
        .computeIfAbsent(keyOf(id, ad, excludedSites), Cluster::new);
    cluster.members.add(id);
    entries.put(id, new Entry(owner, cluster, excludedSites));
  }

  void remove(JobId id) {
    Entry e = entries.remove(id);
    if (e == null) {
      return;
    }
    Map<Object, Cluster> clusters = bySubmitter.get(e.owner());
    ClusterMembers members = e.cluster().members;
    members.remove(id);
    if (members.isEmpty()) {
      clusters.remove(e.cluster().key);
      if (clusters.isEmpty()) {
        bySubmitter.remove(e.owner());
      }
    }
  }

  /**
   * Regroups every job when the identity attributes that count change (the slots started or
   * stopped mentioning one), as HTCondor's schedd does when SIGNIFICANT_ATTRIBUTES change.
   */
  void significant(Set<String> identity, Instant now) {
    if (identity.equals(significant)) {
      return;
    }
    significant = Set.copyOf(identity);
    keys = AutoclusterSignature.withSignificant(significant).memo();
    List<Map.Entry<JobId, Entry>> all = new ArrayList<>(entries.entrySet());
    all.sort(Map.Entry.comparingByKey(JobQueue.ORDER));
    entries.clear();
    bySubmitter.clear();
    for (Map.Entry<JobId, Entry> e : all) {
      Entry v = e.getValue();
      put(e.getKey(), v.owner(), ads.of(e.getKey(), now), v.excludedSites());
    }
  }

  /**
   * The autoclusters by submitter, each submitter's in the order of their first job, with at
   * most {@code maxIds} job ids each.
   */
  SortedMap<String, List<Autocluster>> autoclusters(int maxIds, Instant now) {
    SortedMap<String, List<Autocluster>> out = new TreeMap<>();
    for (var s : bySubmitter.entrySet()) {
      List<ClusterMembers> clusters = new ArrayList<>(s.getValue().size());
      for (Cluster c : s.getValue().values()) {
        clusters.add(c.members);
      }
      clusters.sort((a, b) -> JobQueue.ORDER.compare(a.first(), b.first()));
      List<Autocluster> list = new ArrayList<>(clusters.size());
      for (ClusterMembers members : clusters) {
        JobId first = members.first();
        Entry head = entries.get(first);
        list.add(new Autocluster(ads.of(first, now), head.excludedSites(), members.size(),
            members.first(maxIds)));
      }
      out.put(s.getKey(), list);
    }
    return out;
  }

  /**
   * The earliest submitted job of {@code owner} whose autocluster's ad (with {@code CurrentTime}
   * = {@code now}) passes {@code test}.
   */
  Optional<JobId> first(String owner, Instant now, Predicate<ClassAd> test) {
    Map<Object, Cluster> clusters = bySubmitter.get(owner);
    if (clusters == null) {
      return Optional.empty();
    }
    JobId best = null;
    for (Cluster c : clusters.values()) {
      JobId head = c.members.first();
      if ((best == null || JobQueue.ORDER.compare(head, best) < 0)
          && test.test(ads.of(head, now))) {
        best = head;
      }
    }
    return Optional.ofNullable(best);
  }

  private Object keyOf(JobId id, ClassAd ad, List<String> excludedSites) {
    Object key = keys.sharedKey(ad, excludedSites);
    return key == null ? id : key;
  }
}
