package org.pilotpool.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.io.Writer;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.EventLogFormat;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.random.RandomStreams;
import org.pilotpool.model.retry.HtcondorRetryConfig;
import org.pilotpool.negotiator.NegotiatorSettings;
import org.pilotpool.pool.Pool;
import org.pilotpool.pool.PoolAction;
import org.pilotpool.pool.PoolRecord;
import org.pilotpool.pool.PoolSpec;
import org.pilotpool.pool.ScheduledAction;
import org.pilotpool.pool.SiteSpec;
import org.pilotpool.schedd.JobSubmission;
import org.pilotpool.schedd.ScheddConfig;
import org.pilotpool.startd.StartdConfig;
import org.pilotpool.starter.StarterConfig;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pilotpool bench pool}: jobs through the whole chain of the simulated pool. */
@Command(
    name = "pool",
    mixinStandardHelpOptions = true,
    header = "Jobs through the whole simulated pool: jobs/s, messages/s and peak heap.",
    description = "The assembled pool under a fixed load: all jobs queued at time 0, one core"
        + " each, exponential run times (mean 1 h), each going through submit, negotiation, claim,"
        + " simulated glexec SETUP / LAUNCH / CLEANUP against the site's authorization service,"
        + " and completion. Prints one JSON line per run: wall time, jobs/s, messages/s, peak heap,"
        + " garbage collection time. The first run in a JVM pays for its start: loading and"
        + " compiling the code; with --runs N the later runs show the throughput of compiled"
        + " code, as a long simulation or a sweep of many runs sees it.")
final class PoolBench implements Callable<Integer> {
  private static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");

  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--slots", defaultValue = "10000", description = "Slots (default: ${DEFAULT-VALUE}).")
  int slots;

  @Option(names = "--jobs", defaultValue = "200000", description = "Jobs (default: ${DEFAULT-VALUE}).")
  int jobs;

  @Option(names = "--users", defaultValue = "100", description = "Submitting users (default: ${DEFAULT-VALUE}).")
  int users;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--runs", defaultValue = "1",
      description = "Runs of the same pool in this JVM, one line each (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() throws Exception {
    BenchOptions.atLeastOne("--slots", slots);
    BenchOptions.atLeastOne("--jobs", jobs);
    BenchOptions.atLeastOne("--users", users);
    BenchOptions.atLeastOne("--runs", runs);
    boolean allCompleted = true;
    for (int run = 1; run <= runs; run++) {
      allCompleted &= measure(run);
    }
    return allCompleted ? 0 : 1;
  }

  /** One run, printed as one line; returns whether every job completed. */
  private boolean measure(int run) throws Exception {
    PoolSpec pool = spec();
    // Every line is still formatted, then dropped: the bench measures the chain, not a disk.
    PoolRecord record = PoolRecord.streaming(EventLogFormat.iso(ZoneOffset.UTC), Writer.nullWriter());
    var config = ConfigFactory.empty().withValue("pilotpool.seed", ConfigValueFactory.fromAnyRef(seed));
    // Generous: the run stops as soon as the last job completes.
    Duration limit = Duration.ofHours(Math.max(48, 20L * jobs / Math.max(1, slots)));
    // The input (a submission per job, built above) is tenured before the clock starts rather
    // than copied by the run's first young collections, which would bill its set-up to the chain.
    System.gc();
    HeapPeak.reset();
    GcPauses gc = GcPauses.mark();
    long t0 = System.nanoTime();
    SimulationResult result = Simulation.create(config, EPOCH)
        .run(untilDone(pool, record), limit, ProgressListener.NONE);
    double wall = (System.nanoTime() - t0) / 1e9;
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("bench", "pool");
    line.put("run", run);
    line.put("slots", slots);
    line.put("jobs", jobs);
    line.put("completed", record.completedJobs());
    line.put("virtual_hours", Math.round(result.virtualElapsed().toSeconds() / 36.0) / 100.0);
    line.put("glexec_calls", record.glexecInvoked());
    line.put("wall_seconds", Math.round(wall * 1000) / 1000.0);
    line.put("jobs_per_second", Math.round(record.completedJobs() / wall));
    // One dispatcher task is one actor's mailbox run: at least one message each.
    line.put("mailbox_runs_per_second", Math.round(result.tasks() / wall));
    line.put("peak_heap_mb", HeapPeak.megabytes());
    line.put("gc_collections", gc.collections());
    line.put("gc_seconds", gc.seconds());
    spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(line));
    spec.commandLine().getOut().flush();
    return record.completedJobs() == jobs;
  }

  private PoolSpec spec() {
    // Sized for the load: the benchmark measures the chain, not an overloaded site (the DoS
    // scenarios do that).
    SiteSpec site = SiteSpec.sizedFor("BENCH", slots);
    RandomGenerator random = new RandomStreams(seed).forEntity("bench-pool-jobs");
    // A user's jobs share the user's proxy file, as they do on a submit host.
    String[] owners = new String[users];
    ProxyCredential[] proxies = new ProxyCredential[users];
    for (int u = 0; u < users; u++) {
      owners[u] = "user" + u;
      proxies[u] = new ProxyCredential("/tmp/x509up_" + owners[u], "/DC=org/DC=example/CN=" + owners[u],
          List.of("/cms/Role=NULL/Capability=NULL"), EPOCH.plus(Duration.ofDays(30)));
    }
    List<ScheduledAction> submissions = new ArrayList<>(jobs);
    for (int i = 0; i < jobs; i++) {
      long runSeconds = Math.max(1, Math.round(-3600 * Math.log(1 - random.nextDouble())));
      submissions.add(new ScheduledAction(Duration.ZERO, new PoolAction.Submit(JobSubmission.of(
          owners[i % users], 1, Optional.of(proxies[i % users]), 1, 1024, "true", new JobProfile(Duration.ofSeconds(runSeconds), 1)))));
    }
    ProxyCredential pilot = new ProxyCredential("/tmp/x509up_pilot", "/DC=org/DC=example/CN=pilot",
        List.of("/cms/Role=pilot/Capability=NULL"), EPOCH.plus(Duration.ofDays(30)));
    return new PoolSpec(ScheddConfig.defaults(), NegotiatorSettings.defaults(), StartdConfig.defaults(),
        StarterConfig.defaults(), HtcondorRetryConfig.defaults(), List.of(site), pilot, submissions,
        Duration.ofDays(365));
  }

  private enum Check {
    INSTANCE
  }

  /** The pool, stopped as soon as every job has completed. */
  private Behavior<Check> untilDone(PoolSpec pool, PoolRecord record) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      ctx.spawn(Pool.create(pool, record), "pool");
      timers.startTimerWithFixedDelay(Check.INSTANCE, Duration.ofMinutes(1));
      return Behaviors.receive(Check.class)
          .onMessageEquals(Check.INSTANCE, () ->
              record.completedJobs() >= jobs ? Behaviors.stopped() : Behaviors.same())
          .build();
    }));
  }
}
