package org.pilotpool.cli.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.typesafe.config.ConfigFactory;
import com.typesafe.config.ConfigValueFactory;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.kernel.SimulationResult;
import org.pilotpool.kernel.load.ChatterLoad;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code pilotpool bench kernel}: the virtual-time kernel under a fixed synthetic load. */
@Command(
    name = "kernel",
    mixinStandardHelpOptions = true,
    header = "The virtual-time kernel under 100,000 chattering actors: messages/s.",
    // One string per paragraph: picocli wraps it to the terminal, where a line of its own each
    // would break mid-sentence.
    description = "Actors exchanging messages and timers over simulated time in the virtual-time"
        + " kernel. Each actor wakes on its own periodic timer and starts a message that hops"
        + " between random peers. Prints one JSON line per run: messages/s (over the whole wall"
        + " time, and after start-up: the actor system and the spawns), timer fires/s, actors,"
        + " peak heap, garbage collection time. With --runs N the later runs show the kernel"
        + " once its code is compiled.")
final class KernelBench implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(names = "--actors", defaultValue = "100000", description = "Actors (default: ${DEFAULT-VALUE}).")
  int actors;

  @Option(names = "--duration", defaultValue = "PT24H", description = "Virtual time, e.g. PT24H or 24h (default: ${DEFAULT-VALUE}).")
  Duration duration;

  @Option(names = "--period", defaultValue = "PT1H", description = "Each actor's timer period (default: ${DEFAULT-VALUE}).")
  Duration period;

  @Option(names = "--hops", defaultValue = "10", description = "Messages per timer fire (default: ${DEFAULT-VALUE}).")
  int hops;

  @Option(names = "--seed", defaultValue = "1", description = "Seed (default: ${DEFAULT-VALUE}).")
  long seed;

  @Option(names = "--runs", defaultValue = "1",
      description = "Runs of the same load in this JVM, one line each (default: ${DEFAULT-VALUE}).")
  int runs;

  @Override
  public Integer call() throws Exception {
    BenchOptions.atLeastOne("--actors", actors);
    BenchOptions.atLeastOne("--hops", hops);
    BenchOptions.positive("--period", period);
    BenchOptions.positive("--duration", duration);
    BenchOptions.atLeastOne("--runs", runs);
    for (int run = 1; run <= runs; run++) {
      measure(run);
    }
    return 0;
  }

  private void measure(int run) throws Exception {
    var load = new ChatterLoad.Spec(actors, period, hops);
    var counts = new ChatterLoad.Counts();
    var config = ConfigFactory.empty().withValue("pilotpool.seed", ConfigValueFactory.fromAnyRef(seed));
    HeapPeak.reset();
    GcPauses gc = GcPauses.mark();
    long t0 = System.nanoTime();
    // Start-up (the actor system, 100k spawns) ends when virtual time first moves.
    long[] started = {0};
    ProgressListener firstMove = (virtualNanos, endNanos, events) -> {
      if (started[0] == 0 && virtualNanos > 0) {
        started[0] = System.nanoTime();
      }
    };
    SimulationResult result = Simulation.create(config, Instant.parse("2026-01-01T00:00:00Z"))
        .run(ChatterLoad.create(load, counts), duration, firstMove);
    long t1 = System.nanoTime();
    double wall = (t1 - t0) / 1e9;
    double running = (t1 - (started[0] == 0 ? t0 : started[0])) / 1e9;
    Map<String, Object> line = new LinkedHashMap<>();
    line.put("bench", "kernel");
    line.put("run", run);
    line.put("actors", actors);
    line.put("virtual_seconds", result.virtualElapsed().toSeconds());
    line.put("messages", counts.messages());
    line.put("timer_fires", counts.ticks());
    line.put("wall_seconds", Math.round(wall * 1000) / 1000.0);
    line.put("startup_seconds", Math.round((wall - running) * 1000) / 1000.0);
    line.put("messages_per_second", Math.round(counts.messages() / wall));
    line.put("messages_per_second_after_startup", Math.round(counts.messages() / running));
    line.put("timer_fires_per_second", Math.round(counts.ticks() / wall));
    line.put("peak_heap_mb", HeapPeak.megabytes());
    line.put("gc_collections", gc.collections());
    line.put("gc_seconds", gc.seconds());
    spec.commandLine().getOut().println(new ObjectMapper().writeValueAsString(line));
    spec.commandLine().getOut().flush();
  }
}
