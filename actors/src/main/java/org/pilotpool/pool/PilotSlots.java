package org.pilotpool.pool;

import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.collector.Collector;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.retry.RetryPolicy;
import org.pilotpool.pilot.SlotExited;
import org.pilotpool.pilot.SlotHandle;
import org.pilotpool.pilot.SlotLauncher;
import org.pilotpool.pilot.SlotRequest;
import org.pilotpool.startd.SlotEvent;
import org.pilotpool.startd.SlotObserver;
import org.pilotpool.startd.SlotSpec;
import org.pilotpool.startd.Startd;
import org.pilotpool.startd.StartdConfig;
import org.pilotpool.startd.StartdWiring;
import org.pilotpool.starter.StarterConfig;

/**
 * Hosts the startds of the slots glideins bring, and the {@link SlotLauncher} glideins start them
 * with.
 *
 * <p>The startds live here, not under their glidein: a glidein that reaches its walltime shuts
 * its slots down and exits at once, and a startd stopped with it would leave its evicted job
 * running in the schedd's books. Here the startd evicts its job, gives the claim back and leaves
 * on its own; its {@link SlotEvent.Left} becomes the glidein's {@link SlotExited}.
 *
 * <p>Each slot's startd is spawned with {@link Pool#spawnStartd} on the glidein's node, with the
 * node's (counted) glexec, the glidein's proxy and the configuration its setup wrote:
 * {@code GLEXEC_JOB} selects the starter's glexec mode, and {@code GLIDEIN_Entry_Start} is added
 * to the startd's {@code START}.
 */
final class PilotSlots {
  private PilotSlots() {}

  /** What the host hears. */
  sealed interface Command {}

  /** Start a glidein's slot with {@code memoryMb} of memory. */
  record Launch(SlotRequest request, long memoryMb) implements Command {
    Launch {
      Objects.requireNonNull(request, "request");
    }
  }

  /** The glidein retires the slot. */
  record Retire(String slot) implements Command {}

  /** The glidein's walltime is over: the slot goes now. */
  record Shutdown(String slot, String reason) implements Command {}

  /** The slot's startd has left the pool. */
  private record Left(String slot) implements Command {}

  /** What the startd is told when its glidein's walltime ends. */
  static final String WALLTIME_REASON = "glidein walltime (GLIDEIN_Max_Walltime) reached";

  /** The knobs and the pool pieces every glidein slot shares. */
  record Shared(StartdConfig startd, StarterConfig starter,
      java.util.function.Function<RandomGenerator, RetryPolicy> retry,
      ActorRef<Collector.Command> collector, SlotObserver observer) {}

  static Behavior<Command> create(Shared shared) {
    return Behaviors.setup(ctx -> {
      Map<String, ActorRef<Startd.Command>> startds = new TreeMap<>();
      Map<String, SlotRequest> requests = new TreeMap<>();
      ActorRef<Command> self = ctx.getSelf();
      SlotObserver observer = (event, startd) -> {
        shared.observer().observed(event, startd);
        if (event instanceof SlotEvent.Left left) {
          self.tell(new Left(left.slot()));
        }
      };
      return Behaviors.receive(Command.class)
          .onMessage(Launch.class, m -> {
            SlotRequest r = m.request();
            startds.put(r.slotName(), Pool.spawnStartd(ctx, wiring(ctx, shared, r, m.memoryMb(),
                observer)));
            requests.put(r.slotName(), r);
            return Behaviors.same();
          })
          .onMessage(Retire.class, m -> {
            ActorRef<Startd.Command> startd = startds.get(m.slot());
            if (startd != null) {
              startd.tell(Startd.Retire.INSTANCE);
            }
            return Behaviors.same();
          })
          .onMessage(Shutdown.class, m -> {
            ActorRef<Startd.Command> startd = startds.get(m.slot());
            if (startd != null) {
              startd.tell(new Startd.Shutdown(m.reason()));
            }
            return Behaviors.same();
          })
          .onMessage(Left.class, m -> {
            startds.remove(m.slot());
            SlotRequest r = requests.remove(m.slot());
            if (r != null) {
              r.exited().tell(new SlotExited(r.slotIndex()));
            }
            return Behaviors.same();
          })
          .build();
    });
  }

  private static StartdWiring wiring(ActorContext<?> ctx, Shared shared, SlotRequest r,
      long memoryMb, SlotObserver observer) {
    SlotSpec slot = new SlotSpec(r.slotName(), r.site(), r.nodeId(), 1, memoryMb,
        "<" + r.nodeId() + ":9618?glidein=" + r.pilotId() + ">");
    StartdConfig startd = shared.startd();
    String entryStart = r.setup().condorConfig().get("GLIDEIN_Entry_Start");
    if (entryStart != null) {
      startd = new StartdConfig(startd.claimWorklife(),
          Expr.parse("GLIDEIN_Entry_Start", "(" + startd.start() + ")&&(" + entryStart + ")"),
          startd.executeDir());
    }
    // The random stream follows the slot's stable name, not the order glideins land in.
    RetryPolicy retry = shared.retry().apply(
        PoolContext.get(ctx.getSystem()).random("retry/" + r.slotName()));
    // GLEXEC_JOB as the setup wrote it: False when glexec was disabled, and also with the legacy
    // GLEXEC_STARTER=True, whose glexec'd starter (not modelled) makes no call per job.
    boolean glexecJob = "True".equalsIgnoreCase(r.setup().condorConfig().get("GLEXEC_JOB"));
    return new StartdWiring(slot, startd, shared.starter().withGlexecJob(glexecJob), retry,
        r.glexec(), shared.collector(), r.pilotProxy(), observer);
  }

  /**
   * The launcher glideins start their slots with: it asks {@code host} to spawn the startd and
   * steers it through the same host, so a glidein's retire or shutdown reaches the startd after
   * its launch.
   *
   * @param memoryBySite each site's {@code Memory} per slot
   */
  static SlotLauncher launcher(ActorRef<Command> host, Map<String, Long> memoryBySite) {
    Map<String, Long> memory = new TreeMap<>(memoryBySite);
    return (pilot, request) -> {
      host.tell(new Launch(request, memory.getOrDefault(request.site(), 2048L)));
      String slot = request.slotName();
      return new SlotHandle() {
        @Override
        public void retire() {
          host.tell(new Retire(slot));
        }

        @Override
        public void shutdownNow() {
          host.tell(new Shutdown(slot, WALLTIME_REASON));
        }
      };
    };
  }
}
