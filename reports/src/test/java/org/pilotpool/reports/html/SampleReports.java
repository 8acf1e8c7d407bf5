package org.pilotpool.reports.html;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.reports.TimeSeriesCsv;
import org.pilotpool.reports.model.Headline;
import org.pilotpool.reports.model.RunReport;
import org.pilotpool.reports.model.Table;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.TimeSeries.Shape;
import org.pilotpool.reports.model.Topic;
import org.pilotpool.reports.model.Variant;

/**
 * Synthetic but realistic run reports for tests and for looking at the page: the mass-removal
 * DoS story, where a {@code condor_rm} of 5,000 running jobs turns into a burst of glexec KILL
 * calls against the site's Argus, unthrottled (JOB_STOP_DELAY=0) or spread (1 s / 30).
 * Run {@link #main} with a folder to write a sample report.html and timeseries.csv there.
 */
final class SampleReports {
  private static final int RUN_SECONDS = 40 * 60;
  private static final int RM_AT = 10 * 60;
  private static final int JOBS = 5000;

  private SampleReports() {}

  static RunReport massRemoval() {
    return new RunReport(
        "Mass removal vs. the site's Argus",
        "A user removes 5,000 running jobs at once, ten minutes into a 40-minute run. Each removal "
            + "becomes one glexec KILL call per process against site-a's Argus PEPd (200 "
            + "workers, queue 500, then HTTP 503). Unthrottled, the schedd sends them all "
            + "within seconds; with HTCondor's self-draining queue (JOB_STOP_DELAY / "
            + "JOB_STOP_COUNT) they are spread out, at the cost of CPU burnt by jobs already "
            + "known to be useless.",
        List.of(variant("JOB_STOP_DELAY=0", 0, 1, 11), variant("1 s / 30", 1, 30, 12)));
  }

  private static Variant variant(String name, int delay, int count, long seed) {
    boolean burst = delay == 0;
    SplittableRandom random = new SplittableRandom(seed);
    TimeSeries.Builder arrivals = TimeSeries.builder("site-a arrivals", Shape.LINE);
    TimeSeries.Builder queue = TimeSeries.builder("site-a queue", Shape.STEP);
    TimeSeries.Builder p50 = TimeSeries.builder("site-a latency p50", Shape.LINE);
    TimeSeries.Builder p99 = TimeSeries.builder("site-a latency p99", Shape.LINE);
    TimeSeries.Builder rejected = TimeSeries.builder("site-a rejections", Shape.LINE);
    TimeSeries.Builder idle = TimeSeries.builder("idle", Shape.STEP);
    TimeSeries.Builder running = TimeSeries.builder("running", Shape.STEP);
    TimeSeries.Builder held = TimeSeries.builder("held", Shape.STEP);
    TimeSeries.Builder killOk = TimeSeries.builder("KILL ok", Shape.LINE);
    TimeSeries.Builder killFailed = TimeSeries.builder("KILL failed (203)", Shape.LINE);
    TimeSeries.Builder launchOk = TimeSeries.builder("LAUNCH ok", Shape.LINE);
    int drainSeconds = burst ? 41 : (JOBS + count - 1) / count;
    double q = 0;
    int totalRejected = 0;
    int heldJobs = 0;
    for (int t = 0; t <= RUN_SECONDS; t++) {
      double background = 6 + 2 * Math.sin(t / 600.0) + random.nextDouble() * 1.5;
      double kills = 0;
      if (t >= RM_AT && t < RM_AT + drainSeconds) {
        int s = t - RM_AT;
        kills = burst ? JOBS * Math.exp(-s / 4.0) / 4.2 : count;
      }
      double in = background + kills;
      double served = Math.min(in + q, 36 + random.nextDouble() * 6);
      double overflow = Math.max(0, q + in - served - 500);
      q = Math.min(500, Math.max(0, q + in - served));
      int rejectNow = burst ? (int) Math.round(overflow) : 0;
      if (totalRejected + rejectNow > 1300) {
        rejectNow = 1300 - totalRejected;
      }
      totalRejected += rejectNow;
      double wait = q / 38.0;
      arrivals.add(t, round(in));
      queue.add(t, Math.round(q));
      p50.add(t, round(0.27 + wait * 0.6 + random.nextDouble() * 0.05));
      p99.add(t, round(Math.min(30, 1.3 + wait * 1.8 + random.nextDouble() * 0.3)));
      rejected.add(t, rejectNow);
      int stopping = t - RM_AT + 1;
      int removed = t < RM_AT ? 0 : Math.min(JOBS, stopping * (burst ? JOBS / drainSeconds : count));
      int backfilled = t < RM_AT ? 0 : Math.min(600, (t - RM_AT) / 2);
      if (burst && t >= RM_AT && t < RM_AT + 60 && random.nextDouble() < 0.6) {
        heldJobs++;
      }
      idle.add(t, 900 - backfilled - heldJobs);
      running.add(t, 800 + JOBS - removed + backfilled);
      held.add(t, heldJobs);
      killOk.add(t, round(Math.max(0, kills - rejectNow)));
      killFailed.add(t, rejectNow);
      launchOk.add(t, round(background * 0.4));
    }
    List<Headline> headlines = List.of(
        new Headline("authz rejections (HTTP 503)", totalRejected, "calls", true),
        new Headline("peak authz queue", burst ? 500 : 14, "requests", true),
        new Headline("peak p99 authz latency", burst ? 29.8 : 1.92, "s", true),
        new Headline("time to stop all jobs", drainSeconds, "s", true),
        new Headline("CPU burnt by removed jobs", burst ? 2.1 : 116, "core h", true),
        new Headline("jobs held", heldJobs, "", true));
    List<Topic> topics = List.of(
        new Topic("site-a authz arrivals", "requests/s", List.of(arrivals.build())),
        new Topic("site-a authz queue length", "requests", List.of(queue.build())),
        new Topic("site-a authz latency", "s", List.of(p50.build(), p99.build())),
        new Topic("site-a authz rejections", "rejections/s", List.of(rejected.build())),
        new Topic("pool jobs", "jobs", List.of(idle.build(), running.build(), held.build())),
        new Topic("glexec calls", "calls/s",
            List.of(killOk.build(), killFailed.build(), launchOk.build())));
    List<List<String>> holds = new ArrayList<>();
    if (burst) {
      holds.add(List.of("28", "203", "glexec SETUP: authorization failed (Argus 503)",
          Integer.toString(heldJobs)));
    }
    List<Table> tables = List.of(
        new Table("hold reasons", List.of("code", "subcode", "reason", "count"), holds),
        new Table("glexec calls by operation and result",
            List.of("operation", "ok", "202 system", "203 authz", "total"),
            List.of(
                List.of("SETUP", "14,212", "0", burst ? "61" : "0", burst ? "14,273" : "14,212"),
                List.of("LAUNCH", "14,151", "0", "0", "14,151"),
                List.of("KILL", burst ? "3,700" : "5,000", "0", burst ? "1,300" : "0", "5,000"),
                List.of("CLEANUP", "9,151", "0", "0", "9,151"))));
    String verdict = burst
        ? "Argus drowned: the queue hit its limit of 500 within 3 s and 1,300 KILL calls got "
            + "HTTP 503; p99 latency peaked at 29.8 s. All jobs stopped within 41 s."
        : "Argus never noticed: the queue peaked at 14 and nothing was rejected. Stopping "
            + "took 167 s, and removed jobs burnt 116 core hours meanwhile.";
    return Variant.of(name,
        Map.of("JOB_STOP_DELAY", Integer.toString(delay), "JOB_STOP_COUNT",
            Integer.toString(count)),
        verdict, headlines, topics, tables);
  }

  private static double round(double v) {
    return Math.round(v * 1000) / 1000.0;
  }

  /** Writes the sample's report.html and timeseries.csv into the folder given. */
  public static void main(String[] args) {
    ResultsFolder folder = ResultsFolder.at(Path.of(args[0]));
    RunReport report = massRemoval();
    HtmlReport.write(folder, report);
    TimeSeriesCsv.write(folder, report);
  }
}
