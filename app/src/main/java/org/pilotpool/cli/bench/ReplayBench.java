package org.pilotpool.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.reports.ResultsFolder;
import org.pilotpool.run.ReplayRun;
import org.pilotpool.run.TraceFormat;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pilotpool bench replay}: a generated SWF trace streamed through the replay. */
@Command(
    name = "replay",
    mixinStandardHelpOptions = true,
    header = "Replay of a generated million-job SWF trace: jobs/s and peak heap.",
    // %% because picocli formats descriptions with String.format.
    description = "Generate an SWF trace of single-core jobs (exponential interarrival and run"
        + " times, 80%% load on the pool) into a temporary file, replay it first come, first"
        + " served, and print one JSON line: jobs, wall seconds, jobs/s, peak heap, garbage"
        + " collection time. Temporary files are deleted afterwards.")
final class ReplayBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--jobs", defaultValue = "1000000", description = "Jobs in the trace (default: ${DEFAULT-VALUE}).")
  long jobs;

  @Option(names = "--slots", defaultValue = "100", description = "Cores in the pool (default: ${DEFAULT-VALUE}).")
  int slots;

  @Option(names = "--seed", defaultValue = "1", description = "Seed of the generated trace (default: ${DEFAULT-VALUE}).")
  long seed;

  @Override
  public Integer call() throws IOException {
    BenchOptions.atLeastOne("--jobs", jobs);
    BenchOptions.atLeastOne("--slots", slots);
    Path dir = Files.createTempDirectory("pilotpool-bench-replay");
    try {
      Path trace = dir.resolve("synthetic.swf");
      SyntheticSwf.write(trace, jobs, slots, 0.8, seed);
      var settings = new ReplayRun.Settings(trace, TraceFormat.SWF, ReadPolicy.STRICT, slots, seed, 2000, 0);
      HeapPeak.reset();
      GcPauses gc = GcPauses.mark();
      long t0 = System.nanoTime();
      ReplayRun.Outcome outcome = new ReplayRun(settings)
          .execute(ResultsFolder.at(dir.resolve("results")), ProgressListener.NONE);
      double wall = (System.nanoTime() - t0) / 1e9;
      Map<String, Object> line = new LinkedHashMap<>();
      line.put("bench", "replay");
      line.put("jobs", outcome.stats().ended());
      line.put("slots", slots);
      line.put("virtual_seconds", outcome.simulation().virtualElapsed().toSeconds());
      line.put("mean_wait_seconds", Math.round(outcome.stats().simulatedWait().meanSeconds() * 1000) / 1000.0);
      line.put("wall_seconds", Math.round(wall * 1000) / 1000.0);
      line.put("jobs_per_second", Math.round(outcome.stats().ended() / wall));
      line.put("peak_heap_mb", HeapPeak.megabytes());
      line.put("gc_collections", gc.collections());
      line.put("gc_seconds", gc.seconds());
      spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(line));
      return 0;
    } finally {
      deleteTree(dir);
    }
  }

  private static void deleteTree(Path dir) throws IOException {
    try (Stream<Path> paths = Files.walk(dir)) {
      for (Path p : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    } catch (UncheckedIOException e) {
      throw e.getCause();
    }
  }
}
