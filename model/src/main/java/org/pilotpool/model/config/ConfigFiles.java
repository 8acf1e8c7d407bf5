package org.pilotpool.model.config;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigOrigin;
import com.typesafe.config.ConfigParseOptions;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeSet;
import org.pilotpool.model.input.BadInputException;

/**
 * Reads a user's configuration or scenario file (HOCON) and checks it against the documented
 * defaults: every key must be one the defaults define, with a value of the same kind. A mistyped
 * key is an error naming the file, the line and the valid keys at that level, rather than a
 * setting that silently does nothing.
 *
 * <p>A default that is an empty object ({@code users = {}}) is an open map: any keys go there.
 * When the defaults hold a sibling object {@code <key>-template} ({@code users-template { dn = ""
 * }}), every entry of the open map, or every element of a list default ({@code workload = []}),
 * must be an object checked against that template, so a typo inside one entry is caught too.
 */
public final class ConfigFiles {
  private ConfigFiles() {}

  /** Parses {@code file}, checks it against {@code defaults}, and returns it with the defaults behind it. */
  public static Config load(Path file, Config defaults) {
    if (!Files.isRegularFile(file)) {
      throw new BadInputException(file.toString(), 0, null,
          Files.exists(file) ? "not a regular file" : "no such file");
    }
    if (!Files.isReadable(file)) {
      throw new BadInputException(file.toString(), 0, null, "file is not readable");
    }
    Config user;
    try {
      user = ConfigFactory.parseFile(file.toFile(), ConfigParseOptions.defaults().setAllowMissing(false));
    } catch (ConfigException e) {
      throw fromConfigException(file.toString(), e);
    }
    return check(user, defaults, file.toString());
  }

  /** Parses HOCON text (for tests and inline overrides) and checks it as {@link #load} does. */
  public static Config parse(String text, String sourceName, Config defaults) {
    Config user;
    try {
      user = ConfigFactory.parseString(text, ConfigParseOptions.defaults().setOriginDescription(sourceName));
    } catch (ConfigException e) {
      throw fromConfigException(sourceName, e);
    }
    return check(user, defaults, sourceName);
  }

  /**
   * Checks an already parsed {@code user} configuration against {@code defaults} and returns it
   * with the defaults behind it: for layered settings such as a scenario's variants.
   */
  public static Config check(Config user, Config defaults, String source) {
    Config resolved;
    try {
      resolved = user.withFallback(defaults).resolve();
    } catch (ConfigException e) {
      throw fromConfigException(source, e);
    }
    checkObject(user.root(), defaults.root(), "", source);
    return resolved;
  }

  private static void checkObject(ConfigObject user, ConfigObject defaults, String prefix, String source) {
    for (Map.Entry<String, ConfigValue> e : new java.util.TreeMap<>(user).entrySet()) {
      String key = prefix.isEmpty() ? quoteIfNeeded(e.getKey()) : prefix + "." + quoteIfNeeded(e.getKey());
      ConfigValue given = e.getValue();
      ConfigValue expected = defaults.get(e.getKey());
      if (expected == null) {
        throw new BadInputException(source, line(given.origin()), key,
            "unknown key; valid keys here: " + String.join(", ", new TreeSet<>(defaults.keySet())));
      }
      if (expected.valueType() == ConfigValueType.OBJECT) {
        ConfigObject expectedObject = (ConfigObject) expected;
        if (given.valueType() != ConfigValueType.OBJECT) {
          throw new BadInputException(source, line(given.origin()), key,
              "expected an object { ... }, got " + describe(given));
        }
        if (!expectedObject.isEmpty()) {
          checkObject((ConfigObject) given, expectedObject, key, source);
        } else if (template(defaults, e.getKey()) != null) {
          ConfigObject template = template(defaults, e.getKey());
          for (Map.Entry<String, ConfigValue> entry : new java.util.TreeMap<>((ConfigObject) given).entrySet()) {
            checkEntry(key + "." + quoteIfNeeded(entry.getKey()), entry.getValue(), template, source);
          }
        }
        continue;
      }
      checkLeaf(key, given, expected, source);
      ConfigObject template = template(defaults, e.getKey());
      if (expected.valueType() == ConfigValueType.LIST && template != null) {
        int i = 0;
        for (ConfigValue element : (ConfigList) given) {
          checkEntry(key + "[" + i++ + "]", element, template, source);
        }
      }
    }
  }

  /** The {@code <key>-template} object beside {@code key} in {@code defaults}, or null. */
  private static ConfigObject template(ConfigObject defaults, String key) {
    ConfigValue template = defaults.get(key + "-template");
    return template != null && template.valueType() == ConfigValueType.OBJECT
        ? (ConfigObject) template : null;
  }

  private static void checkEntry(String key, ConfigValue given, ConfigObject template, String source) {
    if (given.valueType() != ConfigValueType.OBJECT) {
      throw new BadInputException(source, line(given.origin()), key,
          "expected an object { ... }, got " + describe(given));
    }
    checkObject((ConfigObject) given, template, key, source);
  }

  private static void checkLeaf(String key, ConfigValue given, ConfigValue expected, String source) {
    ConfigValueType want = expected.valueType();
    ConfigValueType got = given.valueType();
    int line = line(given.origin());
    if (want == ConfigValueType.NULL || got == want) {
      if (want == ConfigValueType.STRING && isDuration(expected) && !isDuration(given)) {
        throw new BadInputException(source, line, key,
            "expected a duration such as 90s, 15m, 2h or 7d, got " + describe(given));
      }
      return;
    }
    if (want == ConfigValueType.NUMBER && got == ConfigValueType.STRING && isNumber(given)) {
      return;
    }
    if (want == ConfigValueType.BOOLEAN && got == ConfigValueType.STRING && isBoolean(given)) {
      return;
    }
    if (want == ConfigValueType.STRING && isDuration(expected)) {
      if (got == ConfigValueType.NUMBER) {
        return; // HOCON reads a bare number as milliseconds
      }
      throw new BadInputException(source, line, key,
          "expected a duration such as 90s, 15m, 2h or 7d, got " + describe(given));
    }
    if (want == ConfigValueType.STRING && (got == ConfigValueType.NUMBER || got == ConfigValueType.BOOLEAN)) {
      return; // unquoted scalars are strings in HOCON
    }
    throw new BadInputException(source, line, key,
        "expected " + kind(want) + ", got " + describe(given));
  }

  private static boolean isDuration(ConfigValue v) {
    if (v.valueType() != ConfigValueType.STRING) {
      return v.valueType() == ConfigValueType.NUMBER;
    }
    try {
      ConfigFactory.empty().withValue("d", v).getDuration("d");
      return true;
    } catch (ConfigException e) {
      return false;
    }
  }

  private static boolean isNumber(ConfigValue v) {
    try {
      ConfigFactory.empty().withValue("n", v).getDouble("n");
      return true;
    } catch (ConfigException e) {
      return false;
    }
  }

  private static boolean isBoolean(ConfigValue v) {
    try {
      ConfigFactory.empty().withValue("b", v).getBoolean("b");
      return true;
    } catch (ConfigException e) {
      return false;
    }
  }

  private static String kind(ConfigValueType t) {
    return switch (t) {
      case NUMBER -> "a number";
      case BOOLEAN -> "true or false";
      case STRING -> "a string";
      case LIST -> "a list [ ... ]";
      case OBJECT -> "an object { ... }";
      case NULL -> "null";
    };
  }

  private static String describe(ConfigValue v) {
    String rendered = v.render(com.typesafe.config.ConfigRenderOptions.concise());
    if (rendered.length() > 40) {
      rendered = rendered.substring(0, 37) + "...";
    }
    return kind(v.valueType()) + " (" + rendered.replace('\n', ' ') + ")";
  }

  private static String quoteIfNeeded(String key) {
    return key.matches("[A-Za-z0-9_-]+") ? key : '"' + key + '"';
  }

  private static int line(ConfigOrigin origin) {
    return origin == null ? 0 : Math.max(0, origin.lineNumber());
  }

  /**
   * Turns a Typesafe Config error into one line: its origin gives the file and line; its message
   * (minus the origin it repeats) says what was expected.
   */
  public static BadInputException fromConfigException(String source, ConfigException e) {
    ConfigOrigin origin = e.origin();
    String message = e.getMessage();
    if (origin != null) {
      String prefix = origin.description() + ": ";
      if (message.startsWith(prefix)) {
        message = message.substring(prefix.length());
      }
    }
    String key = null;
    if (e instanceof ConfigException.Missing || e instanceof ConfigException.WrongType
        || e instanceof ConfigException.BadValue) {
      // These name their path inside the message already.
      key = null;
    }
    return new BadInputException(source, origin == null ? 0 : Math.max(0, origin.lineNumber()), key, message, e);
  }
}
