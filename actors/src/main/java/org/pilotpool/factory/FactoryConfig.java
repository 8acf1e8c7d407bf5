package org.pilotpool.factory;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.input.BadInputException;

/**
 * The factory and the frontend group it serves.
 *
 * @param cyclePeriod time between cycles: the glideinWMS frontend's {@code loop_delay},
 *     60 s by default
 * @param glexecUse the group's {@code GLIDEIN_Glexec_Use}, unparsed (passed to every glidein)
 * @param pilotProxy the proxy glideins run with
 * @param entries the factory's entries, in the order they are served
 */
public record FactoryConfig(
    Duration cyclePeriod, Optional<String> glexecUse, ProxyCredential pilotProxy, List<FactoryEntry> entries) {
  /** glideinWMS frontend's {@code loop_delay} default (cvWParams). */
  public static final Duration DEFAULT_CYCLE_PERIOD = Duration.ofSeconds(60);

  public FactoryConfig {
    Objects.requireNonNull(cyclePeriod, "cyclePeriod");
    Objects.requireNonNull(glexecUse, "glexecUse");
    Objects.requireNonNull(pilotProxy, "pilotProxy");
    entries = List.copyOf(entries);
    if (cyclePeriod.isZero() || cyclePeriod.isNegative()) {
      throw new BadInputException(null, 0, "factory.cycle-period", "expected a positive duration, got " + cyclePeriod);
    }
    Map<String, FactoryEntry> seen = new LinkedHashMap<>();
    for (FactoryEntry entry : entries) {
      if (seen.put(entry.site(), entry) != null) {
        throw new BadInputException(null, 0, "factory.entries", "site \"" + entry.site() + "\" appears twice");
      }
    }
  }

  /** The default cycle period. */
  public static FactoryConfig of(Optional<String> glexecUse, ProxyCredential pilotProxy, List<FactoryEntry> entries) {
    return new FactoryConfig(DEFAULT_CYCLE_PERIOD, glexecUse, pilotProxy, entries);
  }
}
