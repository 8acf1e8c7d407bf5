package org.pilotpool.schedd;

import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import java.util.TreeSet;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobQueue;

/**
 * One autocluster's jobs in queue order, and a copy of the first few of them in an array list.
 *
 * <p>Every negotiation cycle lists the first jobs of every autocluster, as many as there are
 * unclaimed slots: walking a tree for them read one scattered node per job, cycle after cycle,
 * while between two cycles an autocluster mostly loses a few jobs at its head (matched) and gains
 * some at its tail (submitted). The prefix follows those changes in place and is extended from the
 * tree only when a cycle asks for more.
 */
final class ClusterMembers {
  private final TreeSet<JobId> members = new TreeSet<>(JobQueue.ORDER);
  /** Invariant: the first {@code prefix.size()} members, in order. */
  private final ArrayList<JobId> prefix = new ArrayList<>();

  void add(JobId id) {
    if (members.add(id) && !prefix.isEmpty()
        && JobQueue.ORDER.compare(id, prefix.get(prefix.size() - 1)) < 0) {
      prefix.add(-Collections.binarySearch(prefix, id, JobQueue.ORDER) - 1, id);
    }
  }

  void remove(JobId id) {
    if (members.remove(id) && !prefix.isEmpty()
        && JobQueue.ORDER.compare(id, prefix.get(prefix.size() - 1)) <= 0) {
      prefix.remove(Collections.binarySearch(prefix, id, JobQueue.ORDER));
    }
  }

  boolean isEmpty() {
    return members.isEmpty();
  }

  int size() {
    return members.size();
  }

  JobId first() {
    return members.first();
  }

  /** The first {@code max} members (all, if fewer). */
  List<JobId> first(int max) {
    int want = Math.min(max, members.size());
    if (prefix.size() < want) {
      Iterator<JobId> rest = prefix.isEmpty() ? members.iterator()
          : members.tailSet(prefix.get(prefix.size() - 1), false).iterator();
      while (prefix.size() < want) {
        prefix.add(rest.next());
      }
    }
    List<JobId> out = List.copyOf(prefix.subList(0, want));
    // Kept no longer than asked for, so that removals near the head stay cheap.
    prefix.subList(want, prefix.size()).clear();
    return out;
  }
}
