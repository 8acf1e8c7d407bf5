package org.pilotpool.cli;

import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.util.Locale;
import java.util.TreeMap;
import java.util.List;
import java.util.ArrayList;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Function;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.run.Durations;
import org.pilotpool.reports.TimeSeriesCsv;
import org.pilotpool.reports.html.HtmlReport;
import org.pilotpool.reports.model.RunReport;
import org.pilotpool.run.PoolRun;
import org.pilotpool.run.PoolVariants;
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
    String model = settings.string("pilotpool.scenario.model");
    Path folder = out != null ? out : Path.of("results", ResultsFolder.folderName(settings.name(), "scenario"));
    var outStream = spec.commandLine().getOut();
    switch (model) {
      case "quickstart" -> {
        ResultsFolder results = OutFolder.create(folder);
        QuickstartRun run = new QuickstartRun(settings);
        Timed timed = simulate(settings, run::run);
        run.writeResults(results);
        @SuppressWarnings("unchecked")
        Map<String, Object> wait = (Map<String, Object>) run.summary().get("wait");
        printOutcome(settings.name(), timed);
        outStream.printf(Locale.ROOT, "jobs: %d submitted, mean wait %s s (Erlang C predicts %s s)%n",
            run.records().size(), wait.get("mean_s"), wait.getOrDefault("erlang_c_mean_s", "n/a"));
      }
      case "pool" -> {
        List<PoolVariants.Variant> variants = PoolVariants.of(settings);
        ResultsFolder results = OutFolder.create(folder);
        if (variants.isEmpty()) {
          PoolRun run = new PoolRun(settings);
          Timed timed = simulate(settings, run::run);
          run.writeResults(results);
          printOutcome(settings.name(), timed);
          printJobs(run);
        } else {
          runVariants(settings, variants, results);
        }
      }
      default -> throw new BadInputException(settings.source(),
          settings.config().getValue("pilotpool.scenario.model").origin().lineNumber(),
          "pilotpool.scenario.model", "expected quickstart or pool, got \"" + model + "\"");
    }
    outStream.println("results: " + folder);
    spec.commandLine().getErr().flush();
    return 0;
  }

  /**
   * Each variant in turn, its own files in a subfolder named after it; one summary.json and one
   * report with the variants side by side.
   */
  private void runVariants(ScenarioSettings settings, List<PoolVariants.Variant> variants,
      ResultsFolder folder) {
    Map<String, Object> summaries = new TreeMap<>();
    List<org.pilotpool.reports.model.Variant> shown = new ArrayList<>();
    for (PoolVariants.Variant v : variants) {
      PoolRun run = new PoolRun(v.settings());
      Timed timed = simulate(v.settings(), run::run);
      run.writeRunFiles(ResultsFolder.at(folder.dir().resolve(v.folderName())));
      summaries.put(v.name(), run.summary());
      shown.add(run.variant(v.name(), v.knobs()));
      printOutcome(settings.name() + " / " + v.name(), timed);
      printJobs(run);
    }
    Map<String, Object> summary = new TreeMap<>();
    summary.put("scenario", settings.name());
    summary.put("model", "pool");
    summary.put("variants", summaries);
    folder.writeJson("summary.json", summary);
    RunReport report = new RunReport(settings.name(),
        settings.string("pilotpool.scenario.description"), shown);
    TimeSeriesCsv.write(folder, report);
    HtmlReport.write(folder, report);
  }

  private void printJobs(PoolRun run) {
    spec.commandLine().getOut().printf(Locale.ROOT, "jobs: %d submitted, by status %s; holds by code %s%n",
        run.record().jobs().size(), ((Map<?, ?>) run.summary().get("jobs")).get("by_status"),
        run.summary().get("holds_by_code"));
    if (!run.record().rejectedSubmits().isEmpty()) {
      spec.commandLine().getOut().printf(Locale.ROOT,
          "rejected: %d submits (first: %s; all in summary.json)%n",
          run.record().rejectedSubmits().size(), run.record().rejectedSubmits().get(0));
    }
  }

  private record Timed(SimulationResult result, double wallSeconds) {}

  private Timed simulate(ScenarioSettings settings, Function<ProgressListener, SimulationResult> run) {
    if (quiet) {
      long t0 = System.nanoTime();
      SimulationResult result = run.apply(ProgressListener.NONE);
      return new Timed(result, (System.nanoTime() - t0) / 1e9);
    }
    try (Progress progress = Progress.forRun(settings.start(), settings.progressInterval(), System.err, settings.name())) {
      SimulationResult result = run.apply(progress);
      return new Timed(result, progress.elapsedSeconds());
    }
  }

  private void printOutcome(String name, Timed timed) {
    spec.commandLine().getOut().printf(Locale.ROOT, "%s: %s after %s of virtual time (%.1f s wall, %,d events)%n",
        name, timed.result().outcome().name().toLowerCase(Locale.ROOT).replace('_', ' '),
        Durations.human(timed.result().virtualElapsed()), timed.wallSeconds(), timed.result().events());
  }
}
