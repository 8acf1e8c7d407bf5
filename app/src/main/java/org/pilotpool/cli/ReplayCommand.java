package org.pilotpool.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.Locale;
import java.util.concurrent.Callable;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceProblem;
import org.pilotpool.replay.WaitStats;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.run.ReplayRun;
import org.pilotpool.run.TraceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/** {@code pilotpool replay TRACE}: a workload trace replayed in virtual time, to a results folder. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    header = "Replay a workload trace (SWF, GWF, HTCondor history or event log) in virtual time.",
    description = {
      "Replay a workload trace against a first-come-first-served pool of N cores in",
      "deterministic virtual time and write its results folder: jobs.csv (simulated",
      "and recorded wait per job), summary.json (simulated vs recorded wait: mean, p50,",
      "p95, max and their difference; the reader's problem counts), timeseries.csv and",
      "report.html.",
      "",
      "Jobs are submitted at their recorded submit times, shifted so that the first",
      "arrives at time 0, and run for their recorded run times on as many cores as",
      "they requested. Jobs start in submit order with no backfilling: a job waiting",
      "for enough free cores holds back the jobs behind it. A job asking for more",
      "cores than the pool has is rejected and counted. Records the reader cannot use",
      "(an unknown run time, a malformed line) are skipped and counted by reason, or",
      "stop the replay with --strict.",
      "",
      "The trace is read as the run goes, so traces of millions of jobs replay in",
      "bounded memory. Traces may be gzip-compressed. The same trace and seed give",
      "byte-identical results.",
      ""
    })
final class ReplayCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Parameters(index = "0", paramLabel = "TRACE", description = "Trace file: SWF, GWF, HTCondor history (long form or JSON) or job event log, plain or gzip.")
  Path trace;

  @Option(names = "--format", paramLabel = "FORMAT", defaultValue = "auto",
      description = "auto, swf, gwf, history or eventlog (default: ${DEFAULT-VALUE}: told from the first record, else the file name).")
  String format;

  @Option(names = "--strict", description = "Stop at the first bad record (file:line, exit code 2) instead of skipping and counting it.")
  boolean strict;

  @Option(names = "--slots", paramLabel = "N", defaultValue = "100", description = "Cores in the pool (default: ${DEFAULT-VALUE}).")
  int slots;

  @Option(names = "--pool", paramLabel = "POOL", defaultValue = "fcfs",
      description = "fcfs: first come, first served on N cores (the queue alone); htcondor: the"
          + " whole pool (schedd, negotiator, single-core slots, glexec, site authz), which also"
          + " writes job_events.log (default: ${DEFAULT-VALUE}).")
  String pool;

  @Option(names = "--reference-year", paramLabel = "Y", defaultValue = "2000",
      description = "Year of the first MM/DD date in an old-style event log, which writes no year (default: ${DEFAULT-VALUE}, a leap year, so 02/29 reads; a replay only uses intervals).")
  int referenceYear;

  @Option(names = "--sort-window", paramLabel = "DURATION",
      description = "Put jobs in submit order within this window (e.g. P7D or 7d). Default: P7D for history and event logs, which list jobs as they end; none for SWF and GWF, which are sorted by submit time.")
  Duration sortWindow;

  @Option(names = "--out", paramLabel = "DIR", description = "Results folder (default: results/<trace name>).")
  Path out;

  @Option(names = "--seed", paramLabel = "N", defaultValue = "1", description = "Seed, recorded in summary.json (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = {"-q", "--quiet"}, description = "No progress output.")
  boolean quiet;

  @Override
  public Integer call() {
    if (slots < 1) {
      throw new BadInputException("command line", 0, "--slots", "expected at least 1 core, got " + slots);
    }
    if (sortWindow != null && sortWindow.isNegative()) {
      throw new BadInputException("command line", 0, "--sort-window", "expected a non-negative duration, got " + sortWindow);
    }
    TraceFormat f = format.equalsIgnoreCase("auto") ? TraceFormat.detect(trace) : TraceFormat.parse(format);
    Duration window = sortWindow != null ? sortWindow : f.completionOrdered() ? Duration.ofDays(7) : Duration.ZERO;
    ReplayRun.PoolKind kind = switch (pool.toLowerCase(java.util.Locale.ROOT)) {
      case "fcfs" -> ReplayRun.PoolKind.FCFS;
      case "htcondor" -> ReplayRun.PoolKind.HTCONDOR;
      default -> throw new BadInputException("command line", 0, "--pool",
          "expected fcfs or htcondor, got \"" + pool + "\"");
    };
    var settings = new ReplayRun.Settings(trace, f, strict ? ReadPolicy.STRICT : ReadPolicy.LENIENT,
        slots, seed, referenceYear, window.toNanos() / 1e9, kind);
    String name = baseName(trace);
    Path folder = out != null ? out : Path.of("results", name);
    ResultsFolder results = OutFolder.create(folder);
    ReplayRun run = new ReplayRun(settings);
    ReplayRun.Outcome outcome;
    double wall;
    if (quiet) {
      long t0 = System.nanoTime();
      outcome = run.execute(results, ProgressListener.NONE);
      wall = (System.nanoTime() - t0) / 1e9;
    } else {
      try (Progress progress = Progress.forRun(ReplayRun.EPOCH, Duration.ofSeconds(5), System.err, name)) {
        outcome = run.execute(results, progress);
        wall = progress.elapsedSeconds();
      }
    }
    var o = spec.commandLine().getOut();
    var stats = outcome.stats();
    o.printf(Locale.ROOT, "%s (%s): %,d jobs replayed on %d cores over %.0f s of virtual time (%.1f s wall, %,d events)%n",
        name, f.label(), stats.ended(), slots, outcome.simulation().virtualElapsed().toNanos() / 1e9,
        wall, outcome.simulation().events());
    WaitStats sim = stats.simulatedWait();
    WaitStats rec = stats.recordedWait();
    o.printf(Locale.ROOT, "wait: simulated mean %.1f s, p95 %.1f s; recorded mean %s, p95 %s%n",
        sim.meanSeconds(), sim.p95Seconds(),
        rec.count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", rec.meanSeconds()),
        rec.count() == 0 ? "n/a" : String.format(Locale.ROOT, "%.1f s", rec.p95Seconds()));
    long skipped = outcome.diagnostics().problems().entrySet().stream()
        .filter(e -> e.getKey().dropsRecord()).mapToLong(e -> e.getValue().count()).sum();
    if (skipped > 0 || stats.rejected() > 0) {
      o.printf(Locale.ROOT, "skipped: %,d bad records (see summary.json), %,d jobs wider than the pool%n",
          skipped, stats.rejected());
    }
    long unfinished = outcome.diagnostics().count(TraceProblem.UNFINISHED_JOB);
    if (unfinished > 0) {
      o.printf(Locale.ROOT, "dropped: %,d jobs that never end in the log (see summary.json)%n",
          unfinished);
    }
    o.println("results: " + folder);
    if (stats.submitted() == 0 && (skipped > 0 || unfinished > 0)) {
      spec.commandLine().getErr().println("pilotpool: " + nothingToReplay(trace, f, outcome));
      return Main.EXIT_BAD_INPUT;
    }
    return 0;
  }

  /**
   * Why a trace gave no job at all, from its first problem: every record bad is most likely the
   * wrong format (guessed or given), every job unfinished a log of jobs still running.
   */
  private static String nothingToReplay(Path trace, TraceFormat f, ReplayRun.Outcome outcome) {
    var first = outcome.diagnostics().problems().entrySet().stream()
        .filter(e -> e.getKey().dropsRecord() || e.getKey() == TraceProblem.UNFINISHED_JOB)
        .min(Comparator.comparingInt(e -> e.getValue().firstLine())).orElseThrow();
    TraceDiagnostics.Occurrences o = first.getValue();
    String where = o.firstLine() > 0 ? trace + ":" + o.firstLine() : trace.toString();
    String what = first.getKey().description() + ": " + o.firstExample();
    return first.getKey().dropsRecord()
        ? where + ": no record reads as " + f.label() + " (" + what
            + "); if the trace is in another format, name it with --format"
        : where + ": no job to replay (" + what + ")";
  }

  private static String baseName(Path trace) {
    String n = trace.getFileName().toString();
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    int dot = n.lastIndexOf('.');
    return dot > 0 ? n.substring(0, dot) : n;
  }
}
