package org.pilotpool.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.function.Function;
import org.pilotpool.model.config.ConfigFiles;
import org.pilotpool.model.config.Section;
import org.pilotpool.model.input.BadInputException;

/** Typed reads of a checked scenario config, each failure naming the file, line and key. */
public final class ScenarioSettings {
  private final Config config;
  private final String source;

  public ScenarioSettings(Config config, String source) {
    this.config = config;
    this.source = source;
  }

  public Config config() {
    return config;
  }

  public String source() {
    return source;
  }

  public String name() {
    return string("pilotpool.scenario.name");
  }

  public long seed() {
    return read("pilotpool.seed", config::getLong);
  }

  public Instant start() {
    String key = "pilotpool.simulation.start";
    String text = string(key);
    try {
      return Instant.parse(text);
    } catch (DateTimeParseException e) {
      throw new BadInputException(source, line(key), key,
          "expected an ISO-8601 instant such as 2026-01-01T00:00:00Z, got \"" + text + "\"");
    }
  }

  public Duration duration() {
    return positiveDuration("pilotpool.simulation.duration");
  }

  public Duration progressInterval() {
    return positiveDuration("pilotpool.simulation.progress-interval");
  }

  public String string(String key) {
    return read(key, config::getString);
  }

  public int positiveInt(String key) {
    int v = read(key, config::getInt);
    if (v < 1) {
      throw new BadInputException(source, line(key), key, "expected a whole number of at least 1, got " + v);
    }
    return v;
  }

  public int nonNegativeInt(String key) {
    int v = read(key, config::getInt);
    if (v < 0) {
      throw new BadInputException(source, line(key), key, "expected a whole number of at least 0, got " + v);
    }
    return v;
  }

  public Duration positiveDuration(String key) {
    Duration d = read(key, config::getDuration);
    if (d.isNegative() || d.isZero()) {
      throw new BadInputException(source, line(key), key, "expected a positive duration, got " + Section.seconds(d));
    }
    return d;
  }

  private <T> T read(String key, Function<String, T> getter) {
    try {
      return getter.apply(key);
    } catch (ConfigException e) {
      throw ConfigFiles.fromConfigException(source, e);
    }
  }

  private int line(String key) {
    var origin = config.getValue(key).origin();
    return origin == null ? 0 : Math.max(0, origin.lineNumber());
  }
}
