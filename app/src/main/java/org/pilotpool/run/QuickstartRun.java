package org.pilotpool.run;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.model.queueing.ErlangC;
import org.pilotpool.quickstart.JobRecord;
import org.pilotpool.quickstart.QuickstartPool;
import org.pilotpool.quickstart.QuickstartSpec;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.reports.TimeSeriesCsv;
import org.pilotpool.reports.html.HtmlReport;
import org.pilotpool.reports.model.Headline;
import org.pilotpool.reports.model.RunReport;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.Topic;
import org.pilotpool.reports.model.Variant;

/** Runs the quickstart pool from a scenario and writes its results folder. */
public final class QuickstartRun {
  private final ScenarioSettings settings;
  private final QuickstartSpec spec;
  private final List<JobRecord> records = new ArrayList<>();
  private SimulationResult result;

  public QuickstartRun(ScenarioSettings settings) {
    this.settings = settings;
    this.spec = new QuickstartSpec(
        settings.positiveInt("pilotpool.quickstart.slots"),
        settings.nonNegativeInt("pilotpool.quickstart.jobs"),
        settings.positiveDuration("pilotpool.quickstart.mean-interarrival"),
        settings.positiveDuration("pilotpool.quickstart.mean-runtime"));
  }

  public QuickstartSpec spec() {
    return spec;
  }

  public SimulationResult run(ProgressListener progress) {
    result = Simulation.create(settings.config(), settings.start())
        .run(QuickstartPool.create(spec, records), settings.duration(), progress);
    return result;
  }

  public List<JobRecord> records() {
    return records;
  }

  /**
   * Writes {@code jobs.csv}, {@code summary.json}, {@code timeseries.csv} and {@code report.html};
   * nothing in them depends on the wall clock.
   */
  public void writeResults(ResultsFolder folder) {
    RunReport report = report();
    TimeSeriesCsv.write(folder, report);
    HtmlReport.write(folder, report);
    List<List<Object>> rows = new ArrayList<>(records.size());
    for (JobRecord r : records) {
      rows.add(List.of(
          r.id(),
          seconds(Duration.between(settings.start(), r.submitted())),
          r.started().map(s -> seconds(Duration.between(settings.start(), s))).orElse(""),
          r.ended().map(e -> seconds(Duration.between(settings.start(), e))).orElse(""),
          r.waited().map(QuickstartRun::seconds).orElse(""),
          r.ended().isPresent() ? "completed" : r.started().isPresent() ? "running" : "idle",
          r.slot()));
    }
    folder.writeCsv("jobs.csv",
        List.of("job", "submit_s", "start_s", "end_s", "wait_s", "state", "slot"), rows);
    folder.writeJson("summary.json", summary());
  }

  /** The figures summary.json holds (nested maps, keys sorted). */
  public Map<String, Object> summary() {
    double[] waits = records.stream().filter(r -> r.started().isPresent())
        .mapToDouble(r -> r.waited().orElseThrow().toNanos() / 1e9).sorted().toArray();
    double busy = records.stream().filter(r -> r.started().isPresent())
        .mapToDouble(r -> Duration.between(r.started().orElseThrow(),
            r.ended().orElse(result.reached())).toNanos() / 1e9)
        .sum();
    Map<String, Object> jobs = new TreeMap<>();
    jobs.put("submitted", records.size());
    jobs.put("started", waits.length);
    jobs.put("completed", records.stream().filter(r -> r.ended().isPresent()).count());
    Map<String, Object> wait = new TreeMap<>();
    wait.put("mean_s", round(Arrays.stream(waits).average().orElse(0)));
    wait.put("p50_s", round(percentile(waits, 0.50)));
    wait.put("p95_s", round(percentile(waits, 0.95)));
    wait.put("max_s", round(waits.length == 0 ? 0 : waits[waits.length - 1]));
    double arrivalRate = 1.0 / (spec.meanInterarrival().toNanos() / 1e9);
    double meanService = spec.meanRuntime().toNanos() / 1e9;
    if (spec.utilization() < 1.0) {
      wait.put("erlang_c_mean_s", round(ErlangC.meanWait(spec.slots(), arrivalRate, meanService)));
    }
    Map<String, Object> pool = new TreeMap<>();
    pool.put("slots", spec.slots());
    pool.put("offered_utilization", round(spec.utilization()));
    double elapsed = result.virtualElapsed().toNanos() / 1e9;
    pool.put("measured_utilization", round(elapsed == 0 ? 0 : busy / (elapsed * spec.slots())));
    Map<String, Object> run = new TreeMap<>();
    run.put("seed", settings.seed());
    run.put("start", settings.start().toString());
    run.put("reached", result.reached().toString());
    run.put("virtual_seconds", round(elapsed));
    run.put("outcome", result.outcome().name());
    run.put("events", result.events());
    Map<String, Object> summary = new TreeMap<>();
    summary.put("scenario", settings.name());
    summary.put("model", "quickstart");
    summary.put("run", run);
    summary.put("jobs", jobs);
    summary.put("wait", wait);
    summary.put("pool", pool);
    return summary;
  }

  /** The run as the report shows it: job counts over time, waits against Erlang C. */
  RunReport report() {
    Map<String, Object> summary = summary();
    @SuppressWarnings("unchecked")
    Map<String, Object> wait = (Map<String, Object>) summary.get("wait");
    @SuppressWarnings("unchecked")
    Map<String, Object> pool = (Map<String, Object>) summary.get("pool");
    double meanWait = (Double) wait.get("mean_s");
    List<Headline> headlines = new ArrayList<>();
    headlines.add(new Headline("mean wait", meanWait, "s", true));
    headlines.add(new Headline("p95 wait", (Double) wait.get("p95_s"), "s", true));
    String verdict = String.format(java.util.Locale.ROOT,
        "%d jobs on %d slots: mean wait %.0f s", records.size(), spec.slots(), meanWait);
    if (wait.containsKey("erlang_c_mean_s")) {
      double erlang = (Double) wait.get("erlang_c_mean_s");
      headlines.add(new Headline("Erlang C mean wait", erlang, "s", true));
      verdict += String.format(java.util.Locale.ROOT, " (M/M/%d theory: %.0f s)", spec.slots(), erlang);
    }
    headlines.add(new Headline("utilization", (Double) pool.get("measured_utilization"), "", false));
    Map<String, String> knobs = new TreeMap<>();
    knobs.put("slots", Integer.toString(spec.slots()));
    knobs.put("mean interarrival", Durations.human(spec.meanInterarrival()));
    knobs.put("mean runtime", Durations.human(spec.meanRuntime()));
    Variant variant = Variant.of("seed " + settings.seed(), knobs, verdict + ".", headlines,
        List.of(new Topic("jobs", "jobs", jobCounts())), List.of());
    return new RunReport(settings.name(), settings.config().getString("pilotpool.scenario.description"),
        List.of(variant));
  }

  /** Idle and running jobs as step series, changing at each submit, start and end. */
  private List<TimeSeries> jobCounts() {
    TreeMap<Long, int[]> deltas = new TreeMap<>();
    for (JobRecord r : records) {
      deltas.computeIfAbsent(nanos(r.submitted()), k -> new int[2])[0]++;
      r.started().ifPresent(t -> {
        int[] d = deltas.computeIfAbsent(nanos(t), k -> new int[2]);
        d[0]--;
        d[1]++;
      });
      r.ended().ifPresent(t -> deltas.computeIfAbsent(nanos(t), k -> new int[2])[1]--);
    }
    TimeSeries.Builder idle = TimeSeries.builder("idle", TimeSeries.Shape.STEP);
    TimeSeries.Builder running = TimeSeries.builder("running", TimeSeries.Shape.STEP);
    int idleNow = 0;
    int runningNow = 0;
    idle.add(0, 0);
    running.add(0, 0);
    for (Map.Entry<Long, int[]> e : deltas.entrySet()) {
      idleNow += e.getValue()[0];
      runningNow += e.getValue()[1];
      double t = e.getKey() / 1e9;
      idle.add(t, idleNow);
      running.add(t, runningNow);
    }
    return List.of(idle.build(), running.build());
  }

  private long nanos(java.time.Instant t) {
    return Duration.between(settings.start(), t).toNanos();
  }

  private static double percentile(double[] sorted, double q) {
    if (sorted.length == 0) {
      return 0;
    }
    int i = (int) Math.ceil(q * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, i))];
  }

  private static String seconds(Duration d) {
    return String.format(java.util.Locale.ROOT, "%.3f", d.toNanos() / 1e9);
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }
}
