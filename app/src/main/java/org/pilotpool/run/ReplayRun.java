package org.pilotpool.run;

import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.SubmitOrderWindow;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceReader;
import org.pilotpool.replay.ArrivalStream;
import java.io.Writer;
import java.time.ZoneOffset;
import org.apache.pekko.actor.typed.Behavior;
import org.pilotpool.model.eventlog.EventLogFormat;
import org.pilotpool.pool.HtcondorReplayPool;
import org.pilotpool.pool.PoolRecord;
import org.pilotpool.replay.FcfsReplayPool;
import org.pilotpool.replay.ReplayPool;
import org.pilotpool.replay.Replay;
import org.pilotpool.replay.ReplayJob;
import org.pilotpool.replay.ReplayListener;
import org.pilotpool.replay.ReplayStats;
import org.pilotpool.replay.StepSampler;
import org.pilotpool.replay.WaitStats;
import org.pilotpool.reports.CsvStream;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.reports.TimeSeriesCsv;
import org.pilotpool.reports.html.HtmlReport;
import org.pilotpool.reports.model.Headline;
import org.pilotpool.reports.model.RunReport;
import org.pilotpool.reports.model.Table;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.Topic;
import org.pilotpool.reports.model.Variant;

/**
 * Replays a trace against the first-come-first-served pool and writes the results folder: {@code
 * jobs.csv} row by row as jobs end, then {@code summary.json}, {@code timeseries.csv} and {@code
 * report.html} from figures kept in bounded memory. Nothing in them depends on the wall clock.
 */
public final class ReplayRun {
  /** The run's virtual start; outputs count seconds from it. */
  public static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  /** Far beyond any trace: a replay ends when its last job does. */
  private static final Duration LIMIT = Duration.ofDays(365L * 100);

  private static final long SAMPLE_INTERVAL_NANOS = Duration.ofMinutes(1).toNanos();
  private static final int SERIES_POINTS = 2_000;

  private static final List<String> JOB_COLUMNS = List.of("job", "user", "cpus", "submit_s",
      "start_s", "end_s", "wait_s", "recorded_wait_s", "wait_difference_s", "state", "slot");

  /**
   * What to replay and how.
   *
   * @param trace the trace file
   * @param format its format
   * @param policy what to do with bad records
   * @param cores the pool's cores
   * @param seed recorded in the summary and passed to the pool (the FCFS pool draws nothing)
   * @param referenceYear the year of the first legacy {@code MM/DD} date of an event log
   * @param sortWindowSeconds jobs are put in submit order within this window; 0 replays them in
   *     file order
   * @param pool which pool the trace is replayed against
   */
  public record Settings(Path trace, TraceFormat format, ReadPolicy policy, int cores, long seed,
      int referenceYear, double sortWindowSeconds, PoolKind pool) {
    public Settings {
      Objects.requireNonNull(trace, "trace");
      Objects.requireNonNull(format, "format");
      Objects.requireNonNull(policy, "policy");
      Objects.requireNonNull(pool, "pool");
      if (cores < 1) {
        throw new IllegalArgumentException("the pool needs at least one core: " + cores);
      }
    }

    /** Against the first-come-first-served pool. */
    public Settings(Path trace, TraceFormat format, ReadPolicy policy, int cores, long seed,
        int referenceYear, double sortWindowSeconds) {
      this(trace, format, policy, cores, seed, referenceYear, sortWindowSeconds, PoolKind.FCFS);
    }
  }

  /** The pools a trace can be replayed against. */
  public enum PoolKind {
    /** First come, first served on N cores, no backfilling: the queue alone. */
    FCFS,
    /** The whole HTCondor pool: schedd, negotiator, startds, starters, glexec and site authz. */
    HTCONDOR
  }

  /** The pool to replay against; the HTCondor pool writes its job event log to {@code eventLog}. */
  private Behavior<ReplayPool.Command> pool(Writer eventLog) {
    return switch (settings.pool()) {
      case FCFS -> FcfsReplayPool.create(settings.cores());
      case HTCONDOR -> HtcondorReplayPool.create(HtcondorReplayPool.spec(settings.cores()),
          PoolRecord.streaming(EventLogFormat.iso(ZoneOffset.UTC), eventLog));
    };
  }

  /**
   * How the replay went.
   *
   * @param simulation the kernel's account
   * @param stats the figures
   * @param diagnostics the reader's counts
   * @param lateArrivals jobs out of submit order, submitted with the job before them
   */
  public record Outcome(SimulationResult simulation, ReplayStats stats, TraceDiagnostics diagnostics,
      long lateArrivals) {}

  private final Settings settings;

  public ReplayRun(Settings settings) {
    this.settings = settings;
  }

  /**
   * Runs the replay and writes the results folder.
   *
   * @throws org.pilotpool.model.input.BadInputException when the trace cannot be read (in strict
   *     mode: at its first bad record); {@code jobs.csv} is then not written
   */
  public Outcome execute(ResultsFolder folder, ProgressListener progress) {
    TraceReader reader = settings.format().open(settings.trace(), settings.policy(), settings.referenceYear());
    if (settings.sortWindowSeconds() > 0) {
      reader = new SubmitOrderWindow(reader, settings.sortWindowSeconds());
    }
    ReplayStats stats = new ReplayStats(SAMPLE_INTERVAL_NANOS, SERIES_POINTS);
    Outcome outcome;
    try {
      try (TraceReader r = reader; CsvStream jobs = folder.openCsv("jobs.csv", JOB_COLUMNS);
          Writer eventLog = settings.pool() == PoolKind.HTCONDOR
              ? java.nio.file.Files.newBufferedWriter(folder.dir().resolve("job_events.log"))
              : Writer.nullWriter()) {
        ArrivalStream arrivals = new ArrivalStream(r);
        var config = ConfigFactory.empty().withValue("pilotpool.seed", ConfigValueFactory.fromAnyRef(settings.seed()));
        SimulationResult result = Simulation.create(config, EPOCH).run(
            Replay.create(arrivals, pool(eventLog),
                ReplayListener.all(List.of(stats, new JobRows(jobs)))),
            LIMIT, progress);
        if (arrivals.failure().isPresent()) {
          throw arrivals.failure().get();
        }
        if (stats.ended() + stats.rejected() != arrivals.handedOver()) {
          throw new IllegalStateException("the replay stopped with " + arrivals.handedOver() + " jobs"
              + " submitted but only " + (stats.ended() + stats.rejected()) + " ended or rejected");
        }
        stats.finish(result.virtualElapsed().toNanos());
        jobs.commit();
        outcome = new Outcome(result, stats, arrivals.diagnostics(), arrivals.lateArrivals());
      }
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException("cannot write the job event log", e);
    }
    RunReport report = report(outcome);
    folder.writeJson("summary.json", summary(outcome));
    TimeSeriesCsv.write(folder, report);
    HtmlReport.write(folder, report);
    return outcome;
  }

  /** The figures summary.json holds (nested maps, keys sorted). */
  Map<String, Object> summary(Outcome o) {
    ReplayStats s = o.stats();
    Map<String, Object> trace = new TreeMap<>();
    trace.put("file", settings.trace().toString());
    trace.put("format", settings.format().label());
    trace.put("policy", settings.policy().name().toLowerCase(Locale.ROOT));
    trace.put("sort_window_s", settings.sortWindowSeconds());
    trace.put("records_read", o.diagnostics().recordsRead());
    trace.put("jobs_returned", o.diagnostics().jobsReturned());
    Map<String, Object> problems = new TreeMap<>();
    o.diagnostics().problems().forEach((p, occ) -> {
      Map<String, Object> m = new TreeMap<>();
      m.put("count", occ.count());
      m.put("first_line", occ.firstLine());
      m.put("first_example", occ.firstExample());
      m.put("description", p.description());
      problems.put(p.name(), m);
    });
    trace.put("problems", problems);
    Map<String, Object> jobs = new TreeMap<>();
    jobs.put("submitted", s.submitted());
    jobs.put("started", s.started());
    jobs.put("completed", s.ended());
    jobs.put("rejected_too_wide", s.rejected());
    jobs.put("late_arrivals", o.lateArrivals());
    Map<String, Object> wait = new TreeMap<>();
    wait.put("simulated", waitFigures(s.simulatedWait()));
    wait.put("recorded", waitFigures(s.recordedWait()));
    wait.put("difference", difference(s.simulatedWait(), s.recordedWait()));
    double elapsed = o.simulation().virtualElapsed().toNanos() / 1e9;
    Map<String, Object> pool = new TreeMap<>();
    pool.put("model", "fcfs");
    pool.put("cores", settings.cores());
    pool.put("kind", settings.pool().name().toLowerCase(java.util.Locale.ROOT));
    pool.put("utilization", round(elapsed == 0 ? 0 : s.busyCoreSeconds() / (elapsed * settings.cores())));
    Map<String, Object> run = new TreeMap<>();
    run.put("seed", settings.seed());
    run.put("start", EPOCH.toString());
    run.put("virtual_seconds", round(elapsed));
    run.put("outcome", o.simulation().outcome().name());
    run.put("events", o.simulation().events());
    Map<String, Object> summary = new TreeMap<>();
    summary.put("model", "replay");
    summary.put("trace", trace);
    summary.put("run", run);
    summary.put("jobs", jobs);
    summary.put("wait", wait);
    summary.put("pool", pool);
    return summary;
  }

  private static Map<String, Object> waitFigures(WaitStats w) {
    Map<String, Object> m = new TreeMap<>();
    m.put("jobs", w.count());
    m.put("mean_s", round(w.meanSeconds()));
    m.put("p50_s", round(w.p50Seconds()));
    m.put("p95_s", round(w.p95Seconds()));
    m.put("max_s", round(w.maxSeconds()));
    return m;
  }

  /** Simulated minus recorded, figure by figure; empty when the trace recorded no waits. */
  private static Map<String, Object> difference(WaitStats simulated, WaitStats recorded) {
    Map<String, Object> m = new TreeMap<>();
    if (recorded.count() == 0) {
      return m;
    }
    m.put("mean_s", round(simulated.meanSeconds() - recorded.meanSeconds()));
    m.put("p50_s", round(simulated.p50Seconds() - recorded.p50Seconds()));
    m.put("p95_s", round(simulated.p95Seconds() - recorded.p95Seconds()));
    m.put("max_s", round(simulated.maxSeconds() - recorded.maxSeconds()));
    return m;
  }

  RunReport report(Outcome o) {
    ReplayStats s = o.stats();
    WaitStats sim = s.simulatedWait();
    WaitStats rec = s.recordedWait();
    List<Headline> headlines = new ArrayList<>();
    headlines.add(new Headline("mean wait", round(sim.meanSeconds()), "s", true));
    headlines.add(new Headline("p95 wait", round(sim.p95Seconds()), "s", true));
    // Replayed: the jobs that ran; those wider than the pool are counted apart below.
    String verdict = String.format(Locale.ROOT, "%d jobs replayed on %d cores %s: mean wait %.0f s",
        s.ended(), settings.cores(), settings.pool() == PoolKind.FCFS
            ? "first come, first served" : "through the HTCondor pool", sim.meanSeconds());
    if (rec.count() > 0) {
      headlines.add(new Headline("recorded mean wait", round(rec.meanSeconds()), "s", true));
      verdict += String.format(Locale.ROOT, " (the trace recorded %.0f s)", rec.meanSeconds());
    }
    if (s.rejected() > 0) {
      verdict += String.format(Locale.ROOT, "; %d jobs wider than the pool rejected", s.rejected());
    }
    Map<String, String> knobs = new TreeMap<>();
    knobs.put("cores", Integer.toString(settings.cores()));
    knobs.put("format", settings.format().label());
    knobs.put("policy", settings.policy().name().toLowerCase(Locale.ROOT));
    StepSampler series = s.series();
    List<Table> tables = new ArrayList<>();
    tables.add(new Table("wait (s)", List.of("figure", "simulated", "recorded"), List.of(
        List.of("jobs", Long.toString(sim.count()), Long.toString(rec.count())),
        List.of("mean", plain(sim.meanSeconds()), plain(rec.meanSeconds())),
        List.of("p50", plain(sim.p50Seconds()), plain(rec.p50Seconds())),
        List.of("p95", plain(sim.p95Seconds()), plain(rec.p95Seconds())),
        List.of("max", plain(sim.maxSeconds()), plain(rec.maxSeconds())))));
    if (!o.diagnostics().problems().isEmpty()) {
      List<List<String>> rows = new ArrayList<>();
      o.diagnostics().problems().forEach((p, occ) ->
          rows.add(List.of(p.name(), Long.toString(occ.count()), Integer.toString(occ.firstLine()))));
      tables.add(new Table("trace problems", List.of("reason", "records", "first line"), rows));
    }
    Variant variant = Variant.of("seed " + settings.seed(), knobs, verdict + ".", headlines,
        List.of(
            new Topic("jobs", "jobs", List.of(
                series(series, ReplayStats.QUEUED, "queued"), series(series, ReplayStats.RUNNING, "running"))),
            new Topic("cores", "cores", List.of(series(series, ReplayStats.BUSY_CORES, "busy cores")))),
        tables);
    String story = "Replay of " + settings.trace().getFileName() + " (" + settings.format().label()
        + ") on a first-come-first-served pool of " + settings.cores() + " cores: each job is"
        + " submitted at its recorded submit time (shifted so the first arrives at time 0), runs for"
        + " its recorded run time on as many cores as it requested, and its simulated wait is"
        + " compared with the wait the trace recorded.";
    return new RunReport(settings.trace().getFileName().toString(), story, List.of(variant));
  }

  private static TimeSeries series(StepSampler sampler, int index, String name) {
    TimeSeries.Builder b = TimeSeries.builder(name, TimeSeries.Shape.STEP);
    for (int i = 0; i < sampler.size(); i++) {
      b.add(sampler.timeSeconds(i), sampler.value(index, i));
    }
    return b.build();
  }

  private static String plain(double v) {
    return org.pilotpool.reports.Numbers.plain(round(v));
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /** Writes one row of jobs.csv per job as it ends or is rejected. */
  private static final class JobRows implements ReplayListener {
    private final CsvStream out;

    JobRows(CsvStream out) {
      this.out = out;
    }

    @Override
    public void submitted(ReplayJob job, long atNanos) {}

    @Override
    public void started(ReplayJob job, long atNanos, String slot) {}

    @Override
    public void ended(ReplayJob job, long startNanos, long endNanos, String slot) {
      long wait = startNanos - job.submitNanos();
      var recorded = job.trace().recordedWaitSeconds();
      out.row(List.of(job.trace().id(), job.trace().user(), job.cpus(),
          millis(job.submitNanos()), millis(startNanos), millis(endNanos), millis(wait),
          recorded.isPresent() ? millis(Math.round(recorded.getAsDouble() * 1e9)) : "",
          recorded.isPresent() ? millis(wait - Math.round(recorded.getAsDouble() * 1e9)) : "",
          "completed", slot));
    }

    @Override
    public void rejected(ReplayJob job, long atNanos, String reason) {
      var recorded = job.trace().recordedWaitSeconds();
      out.row(List.of(job.trace().id(), job.trace().user(), job.cpus(), millis(job.submitNanos()),
          "", "", "", recorded.isPresent() ? millis(Math.round(recorded.getAsDouble() * 1e9)) : "",
          "", "rejected", ""));
    }

    /** Seconds with three decimals, without String.format: this runs once per job. */
    private static String millis(long nanos) {
      long ms = Math.round(nanos / 1e6);
      String sign = ms < 0 ? "-" : "";
      long abs = Math.abs(ms);
      long frac = abs % 1000;
      return sign + abs / 1000 + "." + (frac < 10 ? "00" : frac < 100 ? "0" : "") + frac;
    }
  }
}
