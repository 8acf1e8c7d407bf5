package org.pilotpool.schedd;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobQueue;

class ClusterMembersTest {
  @Test
  void theFirstJobsFollowHeadRemovalsAndTailAdditions() {
    ClusterMembers members = new ClusterMembers();
    for (int c = 1; c <= 5; c++) {
      members.add(JobId.of(c, 0));
    }
    assertEquals(List.of(JobId.of(1, 0), JobId.of(2, 0)), members.first(2));
    members.remove(JobId.of(1, 0));
    members.add(JobId.of(6, 0));
    assertEquals(List.of(JobId.of(2, 0), JobId.of(3, 0), JobId.of(4, 0)), members.first(3));
  }

  @Test
  void aRequeuedJobTakesItsPlaceAmongTheFirst() {
    ClusterMembers members = new ClusterMembers();
    members.add(JobId.of(1, 0));
    members.add(JobId.of(3, 0));
    members.first(2);
    members.add(JobId.of(2, 0));
    assertEquals(List.of(JobId.of(1, 0), JobId.of(2, 0)), members.first(2));
  }

  @Test
  void anyMixOfChangesListsWhatASortedSetWould() {
    Random random = new Random(7);
    ClusterMembers members = new ClusterMembers();
    TreeSet<JobId> oracle = new TreeSet<>(JobQueue.ORDER);
    for (int step = 0; step < 20_000; step++) {
      JobId id = JobId.of(random.nextInt(300), random.nextInt(3));
      switch (random.nextInt(4)) {
        case 0, 1 -> {
          members.add(id);
          oracle.add(id);
        }
        case 2 -> {
          members.remove(id);
          oracle.remove(id);
        }
        default -> {
          int max = 1 + random.nextInt(40);
          List<JobId> expected = new ArrayList<>(oracle).subList(0, Math.min(max, oracle.size()));
          assertEquals(expected, members.first(max), "step " + step);
        }
      }
      assertEquals(oracle.size(), members.size());
    }
  }
}
