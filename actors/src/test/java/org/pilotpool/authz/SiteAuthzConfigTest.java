package org.pilotpool.authz;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SiteAuthzConfigTest {

  @Test
  void defaultsAreArgusPepdDefaults() {
    SiteAuthzConfig c = SiteAuthzConfig.defaults();
    assertEquals(200, c.workers());
    assertEquals(500, c.queueCapacity());
    assertEquals(Duration.ofSeconds(30), c.requestTimeout());
    assertEquals(500, c.cacheEntries());
    assertEquals(Duration.ofSeconds(600), c.cacheTtl());
    assertEquals(Duration.ZERO, c.banPropagationDelay());
  }

  @Test
  void zeroWorkersIsRejected() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> SiteAuthzConfig.builder().workers(0).build());
    assertTrue(e.getMessage().contains("workers"));
  }

  @Test
  void outagesAreKeptInStartOrder() {
    Instant t = Instant.parse("2024-03-01T00:00:00Z");
    OutageWindow late = new OutageWindow(t.plusSeconds(100), t.plusSeconds(200));
    OutageWindow early = new OutageWindow(t, t.plusSeconds(10));
    assertEquals(
        List.of(early, late),
        SiteAuthzConfig.builder().outages(List.of(late, early)).build().outages());
  }

  @Test
  void listedVoUsesItsOwnPoolSize() {
    SiteAuthzConfig c = SiteAuthzConfig.builder().poolSizes(Map.of("cms", 50)).build();
    assertEquals(50, c.poolSize("cms"));
    assertEquals(100, c.poolSize("atlas"));
  }

  @Test
  void outageEndingBeforeItStartsIsRejected() {
    Instant t = Instant.parse("2024-03-01T00:00:00Z");
    assertThrows(IllegalArgumentException.class, () -> new OutageWindow(t, t));
  }
}
