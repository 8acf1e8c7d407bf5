package org.pilotpool.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigValue;
import com.typesafe.config.ConfigValueType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pilotpool.model.config.ConfigFiles;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.reports.ResultsFolder;

/**
 * A pool scenario's variants: the same story with other knobs. Each variant's keys are checked
 * as the scenario's own are, and layered over the scenario.
 */
public final class PoolVariants {
  /** The key under which a scenario lists its variants. */
  public static final String KEY = "pilotpool.variants";

  /**
   * One variant.
   *
   * @param name as the scenario names it
   * @param knobs its own settings, flattened ({@code schedd.job-stop-delay} to {@code 1s})
   * @param settings the scenario with the variant's settings over it
   */
  public record Variant(String name, Map<String, String> knobs, ScenarioSettings settings) {
    /** The variant's subfolder of the results. */
    public String folderName() {
      return ResultsFolder.folderName(name, "variant");
    }
  }

  private PoolVariants() {}

  /** The variants in name order; empty when the scenario has none. */
  public static List<Variant> of(ScenarioSettings scenario) {
    Config config = scenario.config();
    if (!config.hasPath(KEY)) {
      return List.of();
    }
    ConfigObject variants = config.getObject(KEY);
    List<Variant> out = new ArrayList<>();
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>(variants).entrySet()) {
      ConfigValue value = e.getValue();
      if (value.valueType() != ConfigValueType.OBJECT) {
        throw new BadInputException(scenario.source(), Math.max(0, value.origin().lineNumber()),
            KEY + ".\"" + e.getKey() + "\"", "expected an object of pilotpool keys { ... }");
      }
      Config own = ((ConfigObject) value).toConfig();
      // Checked against the scenario itself: a variant changes knobs the scenario has.
      Config layered = ConfigFiles.check(own.atKey("pilotpool"), config, scenario.source());
      Map<String, String> knobs = new TreeMap<>();
      own.entrySet().forEach(k -> knobs.put(k.getKey(), k.getValue().unwrapped().toString()));
      out.add(new Variant(e.getKey(), knobs, new ScenarioSettings(layered, scenario.source())));
    }
    // Checked before any runs: a later variant would overwrite an earlier one's files.
    Map<String, List<String>> byFolder = new TreeMap<>();
    out.forEach(v -> byFolder.computeIfAbsent(v.folderName(), k -> new ArrayList<>()).add(v.name()));
    for (Map.Entry<String, List<String>> e : byFolder.entrySet()) {
      if (e.getValue().size() > 1) {
        throw new BadInputException(scenario.source(),
            Math.max(0, variants.origin().lineNumber()), KEY, "variants \""
                + String.join("\", \"", e.getValue()) + "\" would share the results folder "
                + e.getKey() + "; rename all but one");
      }
    }
    return out;
  }
}
