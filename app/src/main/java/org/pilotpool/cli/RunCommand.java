package org.pilotpool.cli;

import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.run.Durations;
import org.pilotpool.run.QuickstartRun;
import org.pilotpool.run.ScenarioSettings;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pilotpool run SCENARIO}: a scenario in deterministic virtual time, to a results folder. */
@Command(
    name = "run",
    mixinStandardHelpOptions = true,
    description = {
      "Run a scenario in deterministic virtual time and write its results folder.",
      "The same scenario and seed give byte-identical results."
    })
final class RunCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "SCENARIO", description = "Scenario file (HOCON), e.g. scenarios/quickstart.conf.")
  Path scenario;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<scenario name>).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", description = "Override the scenario's pilotpool.seed.")
  Long seed;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() {
    ScenarioSettings settings = Defaults.scenario(scenario);
    if (seed != null) {
      settings = new ScenarioSettings(
          settings.config().withValue("pilotpool.seed", ConfigValueFactory.fromAnyRef(seed)), settings.source());
    }
    QuickstartRun run = new QuickstartRun(settings);
    Path folder = out != null ? out : Path.of("results", settings.name());
    var err = spec.commandLine().getErr();
    SimulationResult result;
    double wall;
    if (quiet) {
      long t0 = System.nanoTime();
      result = run.run(ProgressListener.NONE);
      wall = (System.nanoTime() - t0) / 1e9;
    } else {
      try (Progress progress = Progress.forRun(settings.start(), settings.progressInterval(), System.err, settings.name())) {
        result = run.run(progress);
        wall = progress.elapsedSeconds();
      }
    }
    run.writeResults(ResultsFolder.at(folder));
    @SuppressWarnings("unchecked")
    Map<String, Object> wait = (Map<String, Object>) run.summary().get("wait");
    var outStream = spec.commandLine().getOut();
    outStream.printf(Locale.ROOT, "%s: %s after %s of virtual time (%.1f s wall, %,d events)%n",
        settings.name(), result.outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        Durations.human(result.virtualElapsed()), wall, result.events());
    outStream.printf(Locale.ROOT, "jobs: %d submitted, mean wait %s s (Erlang C predicts %s s)%n",
        run.records().size(), wait.get("mean_s"), wait.getOrDefault("erlang_c_mean_s", "n/a"));
    outStream.println("results: " + folder);
    err.flush();
    return 0;
  }
}
