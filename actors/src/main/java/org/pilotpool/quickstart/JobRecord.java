package org.pilotpool.quickstart;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;

/** One job's life in the quickstart pool; start and end are empty while not reached. */
public record JobRecord(int id, Instant submitted, Optional<Instant> started, Optional<Instant> ended, String slot) {
  public Optional<Duration> waited() {
    return started.map(s -> Duration.between(submitted, s));
  }
}
