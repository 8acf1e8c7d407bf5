package org.pilotpool.model.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.Set;
import org.junit.jupiter.api.Test;

class JobIdTest {
  @Test
  void idsWithTheSamePartsAreEqualAndHashAlike() {
    assertEquals(new JobId(7, 3, 0), JobId.of(7, 3));
    assertEquals(new JobId(7, 3, 0).hashCode(), JobId.of(7, 3).hashCode());
  }

  @Test
  void idsDifferingInAnyPartAreDistinct() {
    Set<JobId> ids = Set.of(new JobId(7, 3, 0), new JobId(3, 7, 0), new JobId(7, 3, 1),
        new JobId(7, 0, 3));
    assertEquals(4, ids.size());
    assertNotEquals(new JobId(7, 3, 0), new JobId(7, 3, 1));
  }
}
