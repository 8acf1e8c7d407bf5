package org.pilotpool.run;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pilotpool.authz.SiteAuthzStats;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.model.eventlog.EventLogFormat;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.pool.Pool;
import org.pilotpool.pool.PoolJobRecord;
import org.pilotpool.pool.PoolRecord;
import org.pilotpool.pool.ScheduledAction;
import org.pilotpool.pool.PoolAction;
import org.pilotpool.startd.SlotEvent;
import org.pilotpool.pool.PoolSpec;
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
 * A pool-model scenario run in virtual time, and its results folder: the job event log, the
 * per-job CSV, {@code summary.json}, the authz time series and the HTML report.
 */
public final class PoolRun {
  private final ScenarioSettings settings;
  private final PoolSpec spec;
  private final PoolRecord record = new PoolRecord(EventLogFormat.legacy(ZoneOffset.UTC));
  private SimulationResult result;

  /** Reads the pool from {@code settings}; a contradiction in it is a {@code BadInputException}. */
  public PoolRun(ScenarioSettings settings) {
    this.settings = settings;
    this.spec = PoolScenario.read(settings);
  }

  public PoolSpec spec() {
    return spec;
  }

  public SimulationResult run(ProgressListener progress) {
    result = Simulation.create(settings.config(), settings.start())
        .run(Pool.create(spec, record), settings.duration(), progress);
    return result;
  }

  public PoolRecord record() {
    return record;
  }

  /**
   * Writes {@code job_events.log}, {@code jobs.csv}, {@code summary.json}, {@code timeseries.csv}
   * and {@code report.html}; nothing in them depends on the wall clock.
   */
  public void writeResults(ResultsFolder folder) {
    writeRunFiles(folder);
    folder.writeJson("summary.json", summary());
    RunReport report = new RunReport(settings.name(),
        settings.config().getString("pilotpool.scenario.description"),
        List.of(variant("seed " + settings.seed(), Map.of("sites", Integer.toString(spec.sites().size())))));
    TimeSeriesCsv.write(folder, report);
    HtmlReport.write(folder, report);
  }

  /** Writes this run's own files: {@code job_events.log} and {@code jobs.csv}. */
  public void writeRunFiles(ResultsFolder folder) {
    folder.write("job_events.log", w -> {
      try {
        w.write(record.eventLog());
      } catch (java.io.IOException e) {
        throw new java.io.UncheckedIOException(e);
      }
    });
    List<List<Object>> rows = new ArrayList<>();
    for (PoolJobRecord j : record.jobs()) {
      rows.add(List.of(j.id().clusterProc(), j.owner(), seconds(j.submitted()),
          j.firstStart().map(this::seconds).orElse(""), j.end().map(this::seconds).orElse(""),
          status(j.status()), j.holdCode().map(String::valueOf).orElse(""), j.site().orElse(""),
          j.activations(), j.glexecCalls()));
    }
    folder.writeCsv("jobs.csv", List.of("job", "owner", "submit_s", "first_start_s", "end_s",
        "status", "hold_code", "site", "activations", "glexec_calls"), rows);
  }

  /** The figures summary.json holds (nested maps, keys sorted). */
  public Map<String, Object> summary() {
    Map<String, Object> byStatus = new TreeMap<>();
    for (PoolJobRecord j : record.jobs()) {
      byStatus.merge(status(j.status()), 1L, (a, b) -> (Long) a + (Long) b);
    }
    Map<String, Object> holds = new TreeMap<>();
    for (JobEvent e : record.jobEvents()) {
      if (e instanceof JobEvent.Held h) {
        holds.merge(Integer.toString(h.holdCode()), 1L, (a, b) -> (Long) a + (Long) b);
      }
    }
    Map<String, Object> glexec = new TreeMap<>();
    for (Map.Entry<GlexecOperation, SortedMap<String, Long>> e : record.glexecResults().entrySet()) {
      glexec.put(e.getKey().name().toLowerCase(Locale.ROOT), new TreeMap<>(e.getValue()));
    }
    Map<String, Object> sites = new TreeMap<>();
    for (Map.Entry<String, SiteAuthzStats> e : record.siteStats().entrySet()) {
      Map<String, Object> site = new TreeMap<>();
      site.put("arrivals", e.getValue().arrivals());
      site.put("rejections", e.getValue().rejections());
      site.put("peak_queue", e.getValue().peakQueueLength());
      SiteAuthzStats.Latency latency = e.getValue().latency();
      site.put("latency_p50_s", millis(latency.p50()));
      site.put("latency_p99_s", millis(latency.p99()));
      site.put("latency_max_s", millis(latency.max()));
      sites.put(e.getKey(), site);
    }
    Map<String, Object> refused = new TreeMap<>();
    record.glexecRefused().forEach((op, n) -> refused.put(op.name().toLowerCase(Locale.ROOT), n));
    Map<String, Object> breakers = new TreeMap<>();
    record.breakers().forEach((site, counts) -> {
      Map<String, Object> b = new TreeMap<>();
      b.put("opened", counts.opened());
      b.put("half_opened", counts.halfOpened());
      b.put("closed", counts.closed());
      breakers.put(site, b);
    });
    // What starters noted beside the job events: identity changes refused, control lost ...
    Map<String, Object> noted = new TreeMap<>();
    for (SlotEvent e : record.slotEvents()) {
      if (e instanceof SlotEvent.Noted n) {
        noted.merge(kebab(n.event().getClass().getSimpleName()), 1L, (a, b) -> (Long) a + (Long) b);
      }
    }
    Map<String, Object> jobs = new TreeMap<>();
    jobs.put("submitted", record.jobs().size());
    // Submits the schedd refused, with its reason: none come from a checked scenario, but a
    // refusal must show rather than vanish.
    jobs.put("rejected_submits", record.rejectedSubmits());
    jobs.put("doomed_running_s", round(doomedRunningSeconds()));
    jobs.put("evicted_running_s", round(evictedRunningSeconds()));
    jobs.put("by_status", byStatus);
    Map<String, Object> run = new TreeMap<>();
    run.put("seed", settings.seed());
    run.put("start", settings.start().toString());
    run.put("reached", result.reached().toString());
    run.put("outcome", result.outcome().name());
    run.put("events", result.events());
    Map<String, Object> summary = new TreeMap<>();
    summary.put("scenario", settings.name());
    summary.put("model", "pool");
    summary.put("run", run);
    summary.put("jobs", jobs);
    summary.put("holds_by_code", holds);
    summary.put("glexec_calls", glexec);
    summary.put("glexec_refused_by_breaker", refused);
    summary.put("breakers", breakers);
    summary.put("sites", sites);
    summary.put("starter_events", noted);
    return summary;
  }

  /**
   * This run as one variant of the report: authz queue and arrivals per site over time, hold
   * reasons and glexec calls, and with circuit breakers their state changes and refused calls.
   */
  public Variant variant(String name, Map<String, String> knobs) {
    List<Topic> topics = new ArrayList<>();
    List<TimeSeries> queues = new ArrayList<>();
    List<TimeSeries> arrivals = new ArrayList<>();
    for (Map.Entry<String, SiteAuthzStats> e : record.siteStats().entrySet()) {
      TimeSeries.Builder queue = TimeSeries.builder(e.getKey() + " authz queue", TimeSeries.Shape.STEP);
      TimeSeries.Builder arrived = TimeSeries.builder(e.getKey() + " authz arrivals/s", TimeSeries.Shape.STEP);
      double width = e.getValue().bucketWidth().toNanos() / 1e9;
      for (SiteAuthzStats.Bucket b : e.getValue().buckets()) {
        double t = Duration.between(settings.start(), b.start()).toNanos() / 1e9;
        queue.add(t, b.queueLengthMax());
        arrived.add(t, b.arrivals() / width);
      }
      queues.add(queue.build());
      arrivals.add(arrived.build());
    }
    TimeSeries.Builder idle = TimeSeries.builder("idle", TimeSeries.Shape.STEP);
    TimeSeries.Builder running = TimeSeries.builder("running", TimeSeries.Shape.STEP);
    TimeSeries.Builder onHold = TimeSeries.builder("held", TimeSeries.Shape.STEP);
    idle.add(0, 0);
    running.add(0, 0);
    onHold.add(0, 0);
    for (PoolRecord.StatusCounts c : record.statusCounts()) {
      double t = Duration.between(settings.start(), c.time()).toNanos() / 1e9;
      idle.add(t, c.idle());
      running.add(t, c.running());
      onHold.add(t, c.held());
    }
    topics.add(new Topic("jobs", "jobs", List.of(idle.build(), running.build(), onHold.build())));
    if (!queues.isEmpty()) {
      topics.add(new Topic("authz queue length", "requests", queues));
      topics.add(new Topic("authz arrivals", "requests/s", arrivals));
    }
    SortedMap<String, Long> reasons = new TreeMap<>();
    for (JobEvent e : record.jobEvents()) {
      if (e instanceof JobEvent.Held h) {
        reasons.merge(h.holdCode() + "\t" + h.holdSubcode() + "\t" + h.reason().orElse(""), 1L, Long::sum);
      }
    }
    List<List<String>> holdRows = new ArrayList<>();
    reasons.forEach((k, n) -> {
      String[] parts = k.split("\t", 3);
      holdRows.add(List.of(parts[0], parts[1], parts[2], Long.toString(n)));
    });
    List<List<String>> glexecRows = new ArrayList<>();
    record.glexecResults().forEach((op, results) -> results.forEach((res, n) ->
        glexecRows.add(List.of(op.name().toLowerCase(Locale.ROOT), res, Long.toString(n)))));
    List<Table> tables = new ArrayList<>(List.of(
        new Table("hold reasons", List.of("code", "subcode", "reason", "jobs"), holdRows),
        new Table("glexec calls", List.of("operation", "result", "calls"), glexecRows)));
    long refused = record.glexecRefused().values().stream().mapToLong(Long::longValue).sum();
    if (spec.breaker().isPresent()) {
      List<List<String>> breakerRows = new ArrayList<>();
      record.breakers().forEach((site, c) -> breakerRows.add(List.of(site,
          Long.toString(c.opened()), Long.toString(c.halfOpened()), Long.toString(c.closed()))));
      List<List<String>> refusedRows = new ArrayList<>();
      record.glexecRefused().forEach((op, n) ->
          refusedRows.add(List.of(op.name().toLowerCase(Locale.ROOT), Long.toString(n))));
      tables.add(new Table("circuit breakers (state changes, all nodes of a site)",
          List.of("site", "opened", "half-opened", "closed"), breakerRows));
      tables.add(new Table("glexec calls refused by the circuit breaker",
          List.of("operation", "calls"), refusedRows));
    }
    long held = record.jobs().stream().filter(j -> j.status() == JobStatus.HELD).count();
    long completed = record.jobs().stream().filter(j -> j.status() == JobStatus.COMPLETED).count();
    long rejections = record.siteStats().values().stream().mapToLong(SiteAuthzStats::rejections).sum();
    long requests = record.siteStats().values().stream().mapToLong(SiteAuthzStats::arrivals).sum();
    long peakQueue = record.siteStats().values().stream()
        .mapToLong(SiteAuthzStats::peakQueueLength).max().orElse(0);
    double p99 = record.siteStats().values().stream()
        .mapToDouble(st -> millis(st.latency().p99())).max().orElse(0);
    List<Headline> headlines = List.of(
        new Headline("completed jobs", completed, "", false),
        new Headline("held jobs", held, "", true),
        new Headline("glexec calls", record.glexecReturned(), "", true),
        new Headline("authz requests", requests, "", true),
        new Headline("authz rejections", rejections, "", true),
        new Headline("authz peak queue", peakQueue, "", true),
        new Headline("authz p99 latency", p99, "s", true),
        new Headline("doomed jobs' running time", round(doomedRunningSeconds()), "s", true),
        new Headline("running lost to evictions", round(evictedRunningSeconds()), "s", true));
    String verdict = String.format(Locale.ROOT, "%d jobs: %d completed, %d held; %d glexec calls, "
        + "%d authz rejections", record.jobs().size(), completed, held, record.glexecReturned(),
        rejections);
    if (spec.breaker().isPresent()) {
      verdict += String.format(Locale.ROOT, "; %d calls refused by the circuit breaker", refused);
    }
    return Variant.of(name, knobs, verdict + ".", headlines, topics, tables);
  }

  private String seconds(Instant t) {
    return String.format(Locale.ROOT, "%.3f", Duration.between(settings.start(), t).toNanos() / 1e9);
  }

  /**
   * Seconds that removed jobs kept running between the condor_rm that doomed them and their
   * abort (009): the CPU a staggered kill costs.
   */
  double doomedRunningSeconds() {
    List<Instant> removals = new ArrayList<>();
    for (ScheduledAction a : spec.actions()) {
      if (a.action() instanceof PoolAction.Remove) {
        removals.add(settings.start().plus(a.at()));
      }
    }
    double total = 0;
    for (JobEvent e : record.jobEvents()) {
      if (e instanceof JobEvent.Aborted aborted) {
        Instant doomedAt = null;
        for (Instant r : removals) {
          if (!r.isAfter(aborted.time()) && (doomedAt == null || r.isAfter(doomedAt))) {
            doomedAt = r;
          }
        }
        if (doomedAt != null) {
          total += Duration.between(doomedAt, aborted.time()).toNanos() / 1e9;
        }
      }
    }
    return total;
  }

  /** Seconds of running that evictions (004) threw away: each evicted run starts over. */
  double evictedRunningSeconds() {
    Map<JobId, Instant> startedAt = new TreeMap<>(org.pilotpool.model.job.JobQueue.ORDER);
    double total = 0;
    for (JobEvent e : record.jobEvents()) {
      if (e instanceof JobEvent.Execute x) {
        startedAt.put(x.job(), x.time());
      } else if (e instanceof JobEvent.Evicted v && startedAt.containsKey(v.job())) {
        total += Duration.between(startedAt.remove(v.job()), v.time()).toNanos() / 1e9;
      }
    }
    return total;
  }

  private static double millis(Duration d) {
    return d.toMillis() / 1000.0;
  }

  private static double round(double v) {
    return Math.round(v * 1000.0) / 1000.0;
  }

  /** {@code ControlLost} as {@code control-lost}. */
  private static String kebab(String camel) {
    return camel.replaceAll("([a-z])([A-Z])", "$1-$2").toLowerCase(Locale.ROOT);
  }

  private static String status(JobStatus s) {
    return s.name().toLowerCase(Locale.ROOT);
  }
}
