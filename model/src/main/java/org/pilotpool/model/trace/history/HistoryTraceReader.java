package org.pilotpool.model.trace.history;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.pilotpool.model.trace.JobOutcome;
import org.pilotpool.model.trace.ProblemLog;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.RecordRejected;
import org.pilotpool.model.trace.SeenIds;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceInput;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceProblem;
import org.pilotpool.model.trace.TraceReader;

/**
 * Reads HTCondor job history (long form from {@code condor_history -l}, the schedd's history
 * file, or {@code condor_history -json}/{@code -jsonl}) as replayable jobs.
 *
 * <p>Mapping: id {@code ClusterId.ProcId}; submit {@code QDate} (epoch seconds); run time {@code
 * CompletionDate - JobCurrentStartDate} (the run that finished), else {@code RemoteWallClockTime};
 * a removed job that never started has run time 0; wait {@code JobStartDate - QDate} (first
 * start); cores {@code RequestCpus} (1 when absent or an expression, HTCondor's default); memory
 * {@code RequestMemory} MB when a literal; user {@code Owner}, else {@code User} up to the
 * {@code @}; group {@code AcctGroup}; VO {@code x509UserProxyVOName}; subject {@code
 * x509userproxysubject}; site the first literal of {@code MATCH_EXP_JOB_GLIDEIN_Site}, {@code
 * MATCH_GLIDEIN_Site}, {@code JOB_GLIDEIN_Site}, {@code JOB_Site} that is not an unexpanded
 * {@code $$(...)}; outcome from {@code JobStatus} (4 completed, or failed when {@code ExitCode}
 * is non-zero or {@code ExitBySignal} true; 3 cancelled; else unknown).
 *
 * <p>Histories are in completion order, so jobs submitted earlier than a previous one are normal
 * here: they are counted as {@link TraceProblem#OUT_OF_ORDER} but never rejected.
 */
public final class HistoryTraceReader implements TraceReader {
  private static final List<String> SITE_ATTRIBUTES =
      List.of("MATCH_EXP_JOB_GLIDEIN_Site", "MATCH_GLIDEIN_Site", "JOB_GLIDEIN_Site", "JOB_Site");

  private final AdSource ads;
  private final ProblemLog log;
  private final SeenIds seen = new SeenIds();
  private double latestSubmit = Double.NEGATIVE_INFINITY;
  private TraceJob next;

  private HistoryTraceReader(AdSource ads, ProblemLog log) {
    this.ads = ads;
    this.log = log;
  }

  /** Opens a history in any of the three forms (gzip or plain), telling JSON by its first byte. */
  public static HistoryTraceReader open(Path file, ReadPolicy policy) {
    ProblemLog log = new ProblemLog(file.toString(), policy);
    BufferedInputStream in = new BufferedInputStream(TraceInput.openStream(file), 1 << 16);
    if (startsWithJson(in)) {
      return new HistoryTraceReader(new JsonAdReader(in, log), log);
    }
    return new HistoryTraceReader(new LongFormAdReader(new BufferedReader(
        new InputStreamReader(in, StandardCharsets.UTF_8), 1 << 16), log), log);
  }

  public static HistoryTraceReader open(Path file) {
    return open(file, ReadPolicy.LENIENT);
  }

  /** Long form or history file text. */
  public static HistoryTraceReader ofLongForm(Reader reader, String source, ReadPolicy policy) {
    ProblemLog log = new ProblemLog(source, policy);
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    return new HistoryTraceReader(new LongFormAdReader(in, log), log);
  }

  /** {@code -json} or {@code -jsonl} output. */
  public static HistoryTraceReader ofJson(InputStream in, String source, ReadPolicy policy) {
    ProblemLog log = new ProblemLog(source, policy);
    return new HistoryTraceReader(new JsonAdReader(in, log), log);
  }

  private static boolean startsWithJson(BufferedInputStream in) {
    try {
      in.mark(1 << 12);
      int c;
      int n = 0;
      do {
        c = in.read();
        n++;
      } while (c != -1 && Character.isWhitespace(c) && n < (1 << 12));
      in.reset();
      return c == '[' || c == '{';
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public boolean hasNext() {
    while (next == null && ads.hasNext()) {
      JobAd ad = ads.next();
      try {
        accept(ad, map(ad));
      } catch (RecordRejected r) {
        log.reject(r.problem(), ad.line(), r.field(), r.getMessage(), describe(ad));
      }
    }
    return next != null;
  }

  private void accept(JobAd ad, TraceJob job) {
    if (!seen.add(job.id())) {
      log.reject(TraceProblem.DUPLICATE_ID, ad.line(), "ClusterId.ProcId",
          "job " + job.id() + " appears twice", describe(ad));
      return;
    }
    if (job.submitSeconds() < latestSubmit) {
      log.note(TraceProblem.OUT_OF_ORDER, ad.line(), "QDate",
          "submitted before a job listed earlier", describe(ad));
    }
    latestSubmit = Math.max(latestSubmit, job.submitSeconds());
    log.jobReturned();
    next = job;
  }

  private static String describe(JobAd ad) {
    return "ad " + id(ad, "ClusterId") + "." + id(ad, "ProcId");
  }

  private static String id(JobAd ad, String name) {
    OptionalLong v = ad.integer(name);
    return v.isPresent() ? Long.toString(v.getAsLong()) : "?";
  }

  static TraceJob map(JobAd ad) throws RecordRejected {
    long cluster = required(ad, "ClusterId");
    long proc = required(ad, "ProcId");
    long qdate = required(ad, "QDate");
    OptionalLong firstStart = first(ad, "JobStartDate", "JobCurrentStartDate");
    OptionalLong currentStart = first(ad, "JobCurrentStartDate", "JobStartDate");
    OptionalLong completion = positive(ad, "CompletionDate");
    OptionalLong status = ad.integer("JobStatus");
    double run;
    if (completion.isPresent() && currentStart.isPresent()) {
      run = completion.getAsLong() - currentStart.getAsLong();
      if (run < 0) {
        throw new RecordRejected(TraceProblem.BAD_VALUE, "CompletionDate",
            "CompletionDate is before JobCurrentStartDate");
      }
    } else if (ad.number("RemoteWallClockTime").isPresent()) {
      run = ad.number("RemoteWallClockTime").getAsDouble();
      if (run < 0) {
        throw new RecordRejected(TraceProblem.NEGATIVE_VALUE, "RemoteWallClockTime",
            "negative wall-clock time");
      }
    } else if (firstStart.isEmpty() && status.orElse(0) == 3) {
      run = 0;
    } else {
      throw new RecordRejected(TraceProblem.MISSING_VALUE, "CompletionDate",
          "no run time: needs CompletionDate and JobCurrentStartDate, or RemoteWallClockTime");
    }
    OptionalDouble wait = firstStart.isPresent()
        ? OptionalDouble.of(Math.max(0, firstStart.getAsLong() - qdate)) : OptionalDouble.empty();
    long cpus = ad.integer("RequestCpus").orElse(1);
    if (cpus < 1 || cpus > Integer.MAX_VALUE) {
      throw new RecordRejected(TraceProblem.BAD_VALUE, "RequestCpus",
          "expected at least 1 core, found " + cpus);
    }
    OptionalDouble mem = ad.number("RequestMemory");
    if (mem.isPresent() && mem.getAsDouble() < 0) {
      throw new RecordRejected(TraceProblem.NEGATIVE_VALUE, "RequestMemory", "negative memory");
    }
    return new TraceJob(
        cluster + "." + proc,
        qdate,
        run,
        (int) cpus,
        mem.isPresent() ? OptionalLong.of((long) Math.ceil(mem.getAsDouble())) : OptionalLong.empty(),
        user(ad),
        ad.string("AcctGroup"),
        ad.string("x509UserProxyVOName"),
        site(ad),
        ad.string("x509userproxysubject"),
        wait,
        outcome(ad, status));
  }

  private static long required(JobAd ad, String name) throws RecordRejected {
    OptionalLong v = ad.integer(name);
    if (v.isEmpty()) {
      throw new RecordRejected(TraceProblem.MISSING_VALUE, name,
          ad.get(name).isPresent() ? "not an integer literal" : "attribute missing");
    }
    if (v.getAsLong() < 0) {
      throw new RecordRejected(TraceProblem.NEGATIVE_VALUE, name, "negative: " + v.getAsLong());
    }
    return v.getAsLong();
  }

  private static OptionalLong positive(JobAd ad, String name) {
    OptionalLong v = ad.integer(name);
    return v.isPresent() && v.getAsLong() > 0 ? v : OptionalLong.empty();
  }

  private static OptionalLong first(JobAd ad, String a, String b) {
    OptionalLong v = positive(ad, a);
    return v.isPresent() ? v : positive(ad, b);
  }

  private static String user(JobAd ad) {
    Optional<String> owner = ad.string("Owner");
    if (owner.isPresent()) {
      return owner.get();
    }
    return ad.string("User").map(u -> u.contains("@") ? u.substring(0, u.indexOf('@')) : u)
        .orElse("unknown");
  }

  private static Optional<String> site(JobAd ad) {
    for (String name : SITE_ATTRIBUTES) {
      Optional<String> s = ad.string(name).filter(v -> !v.startsWith("$$("));
      if (s.isPresent()) {
        return s;
      }
    }
    return Optional.empty();
  }

  private static JobOutcome outcome(JobAd ad, OptionalLong status) {
    if (status.isEmpty()) {
      return JobOutcome.UNKNOWN;
    }
    return switch ((int) status.getAsLong()) {
      case 4 -> ad.bool("ExitBySignal").orElse(false) || ad.integer("ExitCode").orElse(0) != 0
          ? JobOutcome.FAILED : JobOutcome.COMPLETED;
      case 3 -> JobOutcome.CANCELLED;
      default -> JobOutcome.UNKNOWN;
    };
  }

  @Override
  public TraceJob next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    TraceJob j = next;
    next = null;
    return j;
  }

  @Override
  public TraceDiagnostics diagnostics() {
    return log.snapshot();
  }

  @Override
  public void close() {
    ads.close();
  }
}
