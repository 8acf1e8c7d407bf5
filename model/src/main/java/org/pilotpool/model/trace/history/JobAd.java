package org.pilotpool.model.trace.history;

import java.util.Collections;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import java.util.TreeMap;

/**
 * One job ClassAd from a history. Attribute names compare without regard to case, as in ClassAds.
 *
 * @param line the 1-based line the ad starts on
 */
public record JobAd(Map<String, AdValue> attributes, int line) {
  public JobAd {
    TreeMap<String, AdValue> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    copy.putAll(attributes);
    attributes = Collections.unmodifiableMap(copy);
  }

  public Optional<AdValue> get(String name) {
    return Optional.ofNullable(attributes.get(name));
  }

  /** An integer attribute; a real with no fraction counts. */
  public OptionalLong integer(String name) {
    AdValue v = attributes.get(name);
    if (v instanceof AdValue.Int i) {
      return OptionalLong.of(i.value());
    }
    if (v instanceof AdValue.Real r && r.value() == Math.rint(r.value())) {
      return OptionalLong.of((long) r.value());
    }
    return OptionalLong.empty();
  }

  public OptionalDouble number(String name) {
    AdValue v = attributes.get(name);
    if (v instanceof AdValue.Int i) {
      return OptionalDouble.of(i.value());
    }
    if (v instanceof AdValue.Real r) {
      return OptionalDouble.of(r.value());
    }
    return OptionalDouble.empty();
  }

  /** A string attribute; empty when absent, not a string, or blank. */
  public Optional<String> string(String name) {
    AdValue v = attributes.get(name);
    return v instanceof AdValue.Str s && !s.value().isBlank()
        ? Optional.of(s.value()) : Optional.empty();
  }

  public Optional<Boolean> bool(String name) {
    AdValue v = attributes.get(name);
    return v instanceof AdValue.Bool b ? Optional.of(b.value()) : Optional.empty();
  }
}
