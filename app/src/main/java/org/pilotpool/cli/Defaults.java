package org.pilotpool.cli;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigParseOptions;
import java.nio.file.Path;
import org.pilotpool.model.config.ConfigFiles;
import org.pilotpool.run.ScenarioSettings;

/** The documented defaults (the project's application.conf, shipped in the jar) and scenario loading. */
public final class Defaults {
  private static final String RESOURCE = "org/pilotpool/cli/application.conf";

  private Defaults() {}

  public static Config config() {
    return ConfigFactory.parseResources(Defaults.class.getClassLoader(), RESOURCE,
        ConfigParseOptions.defaults().setAllowMissing(false).setOriginDescription("application.conf"));
  }

  /** Reads and checks a scenario file against the defaults. */
  public static ScenarioSettings scenario(Path file) {
    return new ScenarioSettings(ConfigFiles.load(file, config()), file.toString());
  }
}
