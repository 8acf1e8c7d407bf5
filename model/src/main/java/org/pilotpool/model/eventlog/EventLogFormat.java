package org.pilotpool.model.eventlog;

import java.time.ZoneId;
import java.util.Objects;

/**
 * How event times are written: HTCondor writes local time without a zone, either ISO
 * ({@code 2026-11-24 03:54:47}, a space and no {@code T}: its default since 8.8) or the legacy
 * {@code 11/24 03:54:47} with no year, and optionally milliseconds ({@code .123}).
 *
 * @param zone the zone the local times are in
 */
public record EventLogFormat(DateStyle dateStyle, ZoneId zone, boolean subSecond) {
  /** The two header date styles. */
  public enum DateStyle {
    ISO,
    LEGACY
  }

  public EventLogFormat {
    Objects.requireNonNull(dateStyle, "dateStyle");
    Objects.requireNonNull(zone, "zone");
  }

  public static EventLogFormat iso(ZoneId zone) {
    return new EventLogFormat(DateStyle.ISO, zone, false);
  }

  public static EventLogFormat legacy(ZoneId zone) {
    return new EventLogFormat(DateStyle.LEGACY, zone, false);
  }
}
