package org.pilotpool.model.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigOrigin;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.input.BadInputException;

/**
 * Typed reads of one section of a configuration (such as {@code pilotpool.schedd}), each with a
 * fallback for a key the section does not set, and each failure a {@link BadInputException}
 * naming the file, the line, the full key and what was expected. Daemon settings read through it
 * so that every bad value is reported the same way.
 */
public final class Section {
  private final Config config;
  private final String path;

  private Section(Config config, String path) {
    this.config = config;
    this.path = path;
  }

  /** The section at {@code path} of {@code root}; an absent section reads as all fallbacks. */
  public static Section of(Config root, String path) {
    return new Section(root, path);
  }

  public boolean has(String key) {
    return config.hasPath(full(key));
  }

  public Duration duration(String key, Duration fallback, Duration min) {
    if (!has(key)) {
      return fallback;
    }
    Duration d = read(key, () -> config.getDuration(full(key)));
    if (d.compareTo(min) < 0) {
      // A minimum of a tick (a nanosecond, say) means "more than zero", whatever its digits.
      String expected = min.compareTo(Duration.ZERO) > 0 && min.compareTo(Duration.ofMillis(1)) < 0
          ? "a positive duration" : "a duration of at least " + seconds(min);
      throw bad(key, "expected " + expected + ", got " + seconds(d));
    }
    return d;
  }

  /**
   * A duration as error messages show it: {@code 90 s}, {@code 0.5 s}, whole seconds or as many
   * decimals as it takes.
   */
  public static String seconds(Duration d) {
    return BigDecimal.valueOf(d.getSeconds()).add(BigDecimal.valueOf(d.getNano(), 9))
        .stripTrailingZeros().toPlainString() + " s";
  }

  public int integer(String key, int fallback, int min) {
    if (!has(key)) {
      return fallback;
    }
    int v = read(key, () -> config.getInt(full(key)));
    if (v < min) {
      throw bad(key, "expected a whole number of at least " + min + ", got " + v);
    }
    return v;
  }

  public double decimal(String key, double fallback, double min) {
    if (!has(key)) {
      return fallback;
    }
    double v = read(key, () -> config.getDouble(full(key)));
    if (!(v >= min)) {
      throw bad(key, "expected a number of at least " + min + ", got " + v);
    }
    return v;
  }

  public boolean bool(String key, boolean fallback) {
    return has(key) ? read(key, () -> config.getBoolean(full(key))) : fallback;
  }

  public String string(String key, String fallback) {
    return has(key) ? read(key, () -> config.getString(full(key))) : fallback;
  }

  /** A ClassAd expression; the empty string reads as "not set". */
  public java.util.Optional<Expr> expression(String key) {
    String text = string(key, "").trim();
    if (text.isEmpty()) {
      return java.util.Optional.empty();
    }
    try {
      return java.util.Optional.of(Expr.parse(full(key), text));
    } catch (BadInputException e) {
      throw bad(key, e.problem());
    }
  }

  /** One of an enum's constants, written in any case with '-' for '_' ({@code exclude-site}). */
  public <E extends Enum<E>> E choice(String key, Class<E> type, E fallback) {
    if (!has(key)) {
      return fallback;
    }
    String name = string(key, "").trim().toUpperCase(Locale.ROOT).replace('-', '_');
    for (E e : type.getEnumConstants()) {
      if (e.name().equals(name)) {
        return e;
      }
    }
    String valid = Arrays.stream(type.getEnumConstants())
        .map(e -> e.name().toLowerCase(Locale.ROOT).replace('_', '-'))
        .collect(Collectors.joining(", "));
    throw bad(key, "expected one of " + valid + ", got \"" + string(key, "") + "\"");
  }

  /** An error about {@code key} at the place the configuration set it. */
  public BadInputException bad(String key, String problem) {
    ConfigOrigin origin = config.hasPath(full(key)) ? config.getValue(full(key)).origin() : null;
    return new BadInputException(origin == null ? null : sourceName(origin),
        origin == null ? 0 : Math.max(0, origin.lineNumber()), full(key), problem);
  }

  /** The file or resource a value came from; a description without the line it appends. */
  private static String sourceName(ConfigOrigin origin) {
    if (origin.filename() != null) {
      return origin.filename();
    }
    if (origin.resource() != null) {
      return origin.resource();
    }
    return origin.description().replaceFirst(": [0-9]+(-[0-9]+)?$", "");
  }

  private String full(String key) {
    return path + "." + key;
  }

  private <T> T read(String key, java.util.function.Supplier<T> getter) {
    try {
      return getter.get();
    } catch (ConfigException e) {
      String message = e.getMessage();
      int colon = message.lastIndexOf(": ");
      throw bad(key, colon >= 0 ? message.substring(colon + 2) : message);
    }
  }
}
