package org.pilotpool.pilot;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;
import org.pilotpool.glexec.GlexecPayloads;
import org.pilotpool.kernel.PoolContext;
import org.pilotpool.model.glexec.GlexecExitCode;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.workernode.GlexecActor;
import org.pilotpool.workernode.GlexecCall;

/**
 * A glidein as an actor: {@link PilotLogic} behind messages and timers. Time and its random stream
 * (seeded from its id) come from {@link PoolContext}.
 */
public final class Pilot {
  private Pilot() {}

  /** What a glidein hears. */
  public sealed interface Command permits SlotExited, Tick, TestReturned {}

  private enum Tick implements Command {
    LAND,
    RETIRE,
    END
  }

  private record TestReturned(GlexecCall call) implements Command {}

  /** Name of test 2's script in the glidein's working directory. */
  public static final String TEST2_SCRIPT = "glexec_test2.sh";

  /**
   * A submitted glidein: it waits {@code landing.queueTime()}, then starts on {@code
   * landing.node()}.
   *
   * @param reportTo the factory, told every {@link PilotEvent}
   */
  public static Behavior<Command> create(
      PilotSpec spec, Landing landing, SlotLauncher launcher, ActorRef<PilotEvent> reportTo) {
    return Behaviors.setup(ctx -> Behaviors.withTimers(timers -> {
      // Named up front: Pekko would otherwise walk the stack for it at the first timer message.
      ctx.setLoggerName(Pilot.class);
      PoolContext pool = PoolContext.get(ctx.getSystem());
      PilotLogic logic = new PilotLogic(spec, landing.node().nodeId(), landing.node().environment(),
          pool.random(spec.pilotId()));
      timers.startSingleTimer(Tick.LAND, Tick.LAND, landing.queueTime());
      return new Running(ctx, timers, spec, landing.node(), launcher, reportTo, pool.clock(), logic).behavior();
    }));
  }

  private static final class Running {
    private final ActorContext<Command> ctx;
    private final TimerScheduler<Command> timers;
    private final PilotSpec spec;
    private final WorkerNode node;
    private final SlotLauncher launcher;
    private final ActorRef<PilotEvent> reportTo;
    private final InstantSource clock;
    private final PilotLogic logic;
    private final ActorRef<GlexecCall> glexecReplies;
    private final Map<Integer, SlotHandle> slots = new LinkedHashMap<>();

    Running(ActorContext<Command> ctx, TimerScheduler<Command> timers, PilotSpec spec, WorkerNode node,
        SlotLauncher launcher, ActorRef<PilotEvent> reportTo, InstantSource clock, PilotLogic logic) {
      this.ctx = ctx;
      this.timers = timers;
      this.spec = spec;
      this.node = node;
      this.launcher = launcher;
      this.reportTo = reportTo;
      this.clock = clock;
      this.logic = logic;
      this.glexecReplies = ctx.messageAdapter(GlexecCall.class, TestReturned::new);
    }

    Behavior<Command> behavior() {
      return Behaviors.receive(Command.class)
          .onMessageEquals(Tick.LAND, () -> apply(logic.landed(clock.instant())))
          .onMessageEquals(Tick.RETIRE, () -> apply(logic.retireDue(clock.instant())))
          .onMessageEquals(Tick.END, () -> apply(logic.endDue(clock.instant())))
          .onMessage(TestReturned.class, r -> apply(logic.testReturned(result(r.call()), clock.instant())))
          .onMessage(SlotExited.class, s -> apply(logic.slotExited(s.slotIndex(), clock.instant())))
          .build();
    }

    private Behavior<Command> apply(List<PilotLogic.Effect> effects) {
      Instant now = clock.instant();
      for (PilotLogic.Effect effect : effects) {
        if (effect instanceof PilotLogic.Report r) {
          reportTo.tell(r.event());
        } else if (effect instanceof PilotLogic.ArmTimers t) {
          timers.startSingleTimer(Tick.RETIRE, Tick.RETIRE, Duration.between(now, t.retireAt()));
          timers.startSingleTimer(Tick.END, Tick.END, Duration.between(now, t.endAt()));
        } else if (effect instanceof PilotLogic.RunTest t) {
          node.glexec().tell(new GlexecActor.Invoke(spec.pilotId() + "/glexec-test" + t.test(),
              testInvocation(t), glexecReplies));
        } else if (effect instanceof PilotLogic.StartSlots s) {
          for (int i = 1; i <= spec.slots(); i++) {
            slots.put(i, launcher.launch(ctx, new SlotRequest(spec.pilotId(), spec.site(), node.nodeId(), i,
                s.setup(), node.glexec(), spec.pilotProxy(), s.retireAt(), s.endAt(), ctx.getSelf().narrow())));
          }
        } else if (effect == PilotLogic.Signal.RETIRE_SLOTS) {
          slots.values().forEach(SlotHandle::retire);
        } else if (effect == PilotLogic.Signal.SHUTDOWN_SLOTS) {
          slots.values().forEach(SlotHandle::shutdownNow);
        } else if (effect == PilotLogic.Signal.STOP) {
          return Behaviors.stopped();
        }
      }
      return Behaviors.same();
    }

    /**
     * Test 1 runs {@code <sh> -c "id && echo \"Hello World\""}; test 2 runs a script in the working
     * directory doing the same (which the glidein must have written, executable, in serve mode).
     * Both present the glidein's own proxy.
     */
    private GlexecInvocation testInvocation(PilotLogic.RunTest test) {
      if (test.test() == 1) {
        return GlexecPayloads.withShell(test.shell()).validate(spec.pilotProxy());
      }
      return new GlexecInvocation(GlexecOperation.VALIDATE, spec.pilotProxy(), spec.pilotProxy(),
          List.of(spec.workDir() + "/" + TEST2_SCRIPT), spec.workDir());
    }

    /**
     * The validation runs glexec directly, not through HTCondor's helper, so an expired proxy is
     * glexec's own authorization failure (LCMAPS: "Proxy certificate expired"). A test the node's
     * circuit breaker refused fails as the call it stands for would have: the site's service has
     * just failed this node's calls.
     */
    private static GlexecResult result(GlexecCall call) {
      if (call instanceof GlexecCall.Returned returned) {
        return returned.result();
      }
      if (call instanceof GlexecCall.BreakerOpen) {
        return GlexecResult.exited(GlexecExitCode.AUTHORIZATION_ERROR.code(),
            GlexecCall.BreakerOpen.MESSAGE, Optional.empty(), Duration.ZERO);
      }
      return GlexecResult.exited(GlexecExitCode.AUTHORIZATION_ERROR.code(),
          ((GlexecCall.ProxyNotValid) call).message(), Optional.empty(), Duration.ZERO);
    }
  }
}
