package org.pilotpool.workernode;

import java.time.Duration;
import java.time.InstantSource;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.ActorSystem;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.DispatcherSelector;
import org.apache.pekko.actor.typed.javadsl.ActorContext;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.pilotpool.authz.AuthzReply;
import org.pilotpool.authz.SiteAuthz;
import org.pilotpool.glexec.Glexec;
import org.pilotpool.glexec.sim.AuthzRequest;
import org.pilotpool.glexec.sim.GlexecStep;
import org.pilotpool.glexec.sim.PendingAuthorization;
import org.pilotpool.glexec.sim.SimulatedGlexec;
import org.pilotpool.model.authz.AuthzDecision;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.retry.CircuitBreaker;
import org.pilotpool.model.retry.FailureCause;
import org.pilotpool.model.retry.FailureClass;
import org.pilotpool.model.retry.FailureClassifier;
import org.pilotpool.model.retry.FailureEvidence;

/**
 * One worker node's glexec as an actor: the one protocol (invoke, then a {@link GlexecCall} back)
 * for the simulated glexec, which asks the site's authorization service in virtual time, and for
 * the real binary, which runs off the actor threads. Callers cannot tell them apart.
 *
 * <p>The simulated node may have a {@link CircuitBreaker} guarding the site's authorization
 * service. It sits here, one per node, because every glexec call of the node's starters and procd
 * passes through this actor: they share what the node has learnt, so one successful probe lets
 * them all through again. An open breaker answers {@link GlexecCall.BreakerOpen} at once, without
 * running glexec or asking the site. The breaker learns from the site's answers when they arrive
 * (Permit and Deny show the service working; overload, timeout and outage are transient
 * failures), not from what the caller later sees: a command that fails or hangs after a Permit
 * says nothing about the service. A call that ends before asking the site (an expired proxy, the
 * node's own broken glexec) teaches it nothing either.
 */
public final class GlexecActor {
  private GlexecActor() {}

  /** What the actor hears. */
  public sealed interface Command {}

  /** Call glexec; the outcome goes to {@code replyTo}, tagged with {@code callId}. */
  public record Invoke(String callId, GlexecInvocation invocation, ActorRef<GlexecCall> replyTo)
      implements Command {
    public Invoke {
      Objects.requireNonNull(callId, "callId");
      Objects.requireNonNull(invocation, "invocation");
      Objects.requireNonNull(replyTo, "replyTo");
    }
  }

  private record StepDue(String callId, GlexecStep step) implements Command {}

  private record AuthzAnswered(AuthzReply reply) implements Command {}

  private record RealReturned(String callId, GlexecResult result) implements Command {}

  /**
   * A simulated glexec on one worker node.
   *
   * @param site the site's authorization service
   * @param callerTimeout how long the caller waits for a hung call before giving up; empty as in
   *     HTCondor's starter, which waits forever
   */
  public static Behavior<Command> simulated(
      SimulatedGlexec glexec, ActorRef<SiteAuthz.Command> site, InstantSource clock,
      Optional<Duration> callerTimeout) {
    return simulated(glexec, site, clock, callerTimeout, Optional.empty());
  }

  /**
   * A simulated glexec on one worker node whose calls pass {@code breaker} first.
   *
   * @param breaker the node's circuit breaker on the site's authorization service; it belongs to
   *     this actor from now on
   */
  public static Behavior<Command> simulated(
      SimulatedGlexec glexec, ActorRef<SiteAuthz.Command> site, InstantSource clock,
      Optional<Duration> callerTimeout, Optional<CircuitBreaker> breaker) {
    return simulated(glexec, site, clock, callerTimeout, breaker, t -> {});
  }

  /**
   * A simulated glexec on one worker node that also hands {@code tally} every call and its end,
   * synchronously, as they happen (so under the wall clock the tally must be thread-safe).
   * Counting here rather than in an actor in front of this one saves every call two messages
   * and the pool an actor per node.
   */
  public static Behavior<Command> simulated(
      SimulatedGlexec glexec, ActorRef<SiteAuthz.Command> site, InstantSource clock,
      Optional<Duration> callerTimeout, Optional<CircuitBreaker> breaker,
      Consumer<GlexecTally> tally) {
    return Behaviors.setup(ctx -> new Simulated(ctx, glexec, site, clock, callerTimeout, breaker,
        tally).behavior());
  }

  /** The dispatcher (in the actors' reference.conf) that real glexec calls block on. */
  public static final String BLOCKING_DISPATCHER = "pilotpool-glexec-dispatcher";

  /** The executor to give the real adapter: glexec never blocks an actor's thread. */
  public static Executor blockingExecutor(ActorSystem<?> system) {
    return system.dispatchers().lookup(DispatcherSelector.fromConfig(BLOCKING_DISPATCHER));
  }

  /**
   * The real glexec binary, through the adapter, which runs it on the executor it was built with
   * (see {@link #blockingExecutor}) and enforces its timeout.
   */
  public static Behavior<Command> real(Glexec glexec) {
    return Behaviors.setup(ctx -> {
      Map<String, Invoke> waiting = new LinkedHashMap<>();
      return Behaviors.receive(Command.class)
          .onMessage(Invoke.class, inv -> {
            waiting.put(inv.callId(), inv);
            ctx.pipeToSelf(glexec.invoke(inv.invocation()), (result, failure) -> new RealReturned(
                inv.callId(),
                failure == null ? result : GlexecResult.failed(GlexecResult.AdapterFailure.IO_ERROR,
                    "glexec adapter failed: " + failure, Duration.ZERO)));
            return Behaviors.same();
          })
          .onMessage(RealReturned.class, r -> {
            Invoke inv = waiting.remove(r.callId());
            inv.replyTo().tell(
                new GlexecCall.Returned(r.callId(), inv.invocation(), r.result(), FailureCause.NOT_KNOWN));
            return Behaviors.same();
          })
          .build();
    });
  }

  /** The simulated node's state: calls waiting on a timer or on the authz service. */
  private static final class Simulated {
    private final ActorContext<Command> ctx;
    private final SimulatedGlexec glexec;
    private final ActorRef<SiteAuthz.Command> site;
    private final InstantSource clock;
    private final Optional<Duration> callerTimeout;
    private final Optional<CircuitBreaker> breaker;
    private final Consumer<GlexecTally> tally;
    private final ActorRef<AuthzReply> authzReplies;
    private final Map<String, Call> calls = new LinkedHashMap<>();
    private final Map<String, String> callByRequest = new LinkedHashMap<>();

    /**
     * @param ticket the breaker's pass while the call has not yet heard from the site; null
     *     without a breaker and once the breaker has learnt the outcome
     */
    private record Call(Invoke invoke, PendingAuthorization pending, CircuitBreaker.Ticket ticket) {}

    Simulated(ActorContext<Command> ctx, SimulatedGlexec glexec,
        ActorRef<SiteAuthz.Command> site, InstantSource clock, Optional<Duration> callerTimeout,
        Optional<CircuitBreaker> breaker, Consumer<GlexecTally> tally) {
      this.ctx = ctx;
      this.glexec = glexec;
      this.site = site;
      this.clock = clock;
      this.callerTimeout = callerTimeout;
      this.breaker = breaker;
      this.tally = tally;
      this.authzReplies = ctx.messageAdapter(AuthzReply.class, AuthzAnswered::new);
    }

    Behavior<Command> behavior() {
      return Behaviors.receive(Command.class)
          .onMessage(Invoke.class, this::onInvoke)
          .onMessage(StepDue.class, this::onStepDue)
          .onMessage(AuthzAnswered.class, this::onAuthzAnswered)
          .build();
    }

    private Behavior<Command> onInvoke(Invoke invoke) {
      if (calls.containsKey(invoke.callId())) {
        throw new IllegalArgumentException("glexec call id reused: " + invoke.callId());
      }
      tally.accept(new GlexecTally.Invoked(
          glexec.nodeId(), invoke.callId(), invoke.invocation().operation()));
      CircuitBreaker.Ticket ticket = null;
      if (breaker.isPresent()) {
        CircuitBreaker.Admission admission = breaker.get().tryAcquire(clock.instant());
        if (admission instanceof CircuitBreaker.Admission.Rejected rejected) {
          reply(invoke, new GlexecCall.BreakerOpen(invoke.callId(), invoke.invocation(),
              Duration.between(clock.instant(), rejected.retryAt())));
          return Behaviors.same();
        }
        ticket = ((CircuitBreaker.Admission.Admitted) admission).ticket();
      }
      calls.put(invoke.callId(), new Call(invoke, null, ticket));
      follow(invoke.callId(), glexec.invoke(invoke.invocation(), clock.instant()));
      return Behaviors.same();
    }

    /** Carries out a step: now if it has no delay, else when its timer fires. */
    private void follow(String callId, GlexecStep step) {
      if (step instanceof GlexecStep.Authorize a) {
        ask(callId, a);
        return;
      }
      Duration delay = step instanceof GlexecStep.Finish f ? f.after() : Duration.ZERO;
      if (delay.isZero()) {
        complete(callId, step);
      } else if (step instanceof GlexecStep.Finish f && calls.get(callId).ticket() == null) {
        // The call is over for the node, and no breaker waits on its outcome: the answer goes
        // straight to the caller when glexec exits, without a stop here. The task touches only
        // the answer, the (thread-safe) tally and the caller's reference.
        Invoke invoke = calls.remove(callId).invoke();
        GlexecCall answer = returned(invoke, f);
        ctx.getSystem().scheduler().scheduleOnce(delay, () -> reply(invoke, answer),
            ctx.getExecutionContext());
      } else {
        // A plain scheduled message rather than a keyed timer: a step is never cancelled, and a
        // keyed timer costs its actor a map update when set and a lookup when it fires.
        ctx.scheduleOnce(delay, ctx.getSelf(), new StepDue(callId, step));
      }
    }

    /**
     * The call waits for the site's answer from now on; its request reaches the site when glexec
     * sends it. A delayed request is scheduled straight to the site: the node has nothing to do
     * in between, and a stop there would cost a message per call.
     */
    private void ask(String callId, GlexecStep.Authorize a) {
      Call call = calls.get(callId);
      calls.put(callId, new Call(call.invoke(), a.pending(), call.ticket()));
      callByRequest.put(a.request().requestId(), callId);
      SiteAuthz.Authorize request = toSite(a.request());
      if (a.sendAfter().isZero()) {
        site.tell(request);
      } else {
        ctx.scheduleOnce(a.sendAfter(), site, request);
      }
    }

    private Behavior<Command> onStepDue(StepDue due) {
      complete(due.callId(), due.step());
      return Behaviors.same();
    }

    private void complete(String callId, GlexecStep step) {
      Call call = calls.get(callId);
      Invoke invoke = call.invoke();
      if (step instanceof GlexecStep.Finish f) {
        calls.remove(callId);
        unheard(call);
        reply(invoke, returned(invoke, f));
      } else if (step instanceof GlexecStep.ProxyNotValid p) {
        calls.remove(callId);
        unheard(call);
        reply(invoke,
            new GlexecCall.ProxyNotValid(callId, invoke.invocation(), p.message(), p.helperStatus()));
      } else if (step instanceof GlexecStep.Hung h) {
        // As HTCondor's starter: without a timeout of its own the caller never hears back.
        if (callerTimeout.isPresent()) {
          follow(callId, h.timedOutAfter(callerTimeout.get()));
        }
      }
    }

    private static GlexecCall returned(Invoke invoke, GlexecStep.Finish f) {
      return new GlexecCall.Returned(invoke.callId(), invoke.invocation(), f.result(), f.cause());
    }

    private void reply(Invoke invoke, GlexecCall call) {
      GlexecOperation op = invoke.invocation().operation();
      tally.accept(call instanceof GlexecCall.BreakerOpen
          ? new GlexecTally.Refused(glexec.nodeId(), call.callId(), op)
          : new GlexecTally.Returned(glexec.nodeId(), call.callId(), op, GlexecTally.resultOf(call)));
      invoke.replyTo().tell(call);
    }

    private SiteAuthz.Authorize toSite(AuthzRequest request) {
      // With the old X509_USER_PROXY bug the payload proxy stands where the pilot's belongs:
      // Argus then finds no pilot credential at all.
      String pilot = request.pilot().isEmpty() || request.pilotCredentialIsPayloads()
          ? null
          : request.pilot().get().identity();
      return new SiteAuthz.Authorize(request.requestId(), request.subject().identity(),
          request.subject().fqans(), pilot, authzReplies);
    }

    private Behavior<Command> onAuthzAnswered(AuthzAnswered answered) {
      String callId = callByRequest.remove(answered.reply().requestId());
      if (callId == null) {
        return Behaviors.same();
      }
      Call call = calls.get(callId);
      AuthzDecision decision = answered.reply().decision();
      GlexecStep step = glexec.onAuthzReply(call.pending(), decision, clock.instant());
      if (call.ticket() != null) {
        learn(call.ticket(), decision, step);
        calls.put(callId, new Call(call.invoke(), call.pending(), null));
      }
      follow(callId, step);
      return Behaviors.same();
    }

    /** The site answered a call the breaker let through. */
    private void learn(CircuitBreaker.Ticket ticket, AuthzDecision decision, GlexecStep step) {
      if (decision instanceof AuthzDecision.Permit) {
        breaker.get().onSuccess(ticket, clock.instant());
        return;
      }
      // Every answer but Permit ends the call with glexec's 203 and the answer's cause.
      GlexecStep.Finish denied = (GlexecStep.Finish) step;
      FailureClass failureClass =
          FailureClassifier.classify(FailureEvidence.of(denied.result(), denied.cause()));
      breaker.get().onFailure(ticket, failureClass, clock.instant());
    }

    /**
     * The call ends without the site having been asked: the breaker learns nothing, which it
     * takes from a failure that says nothing about the service (a probe's place is freed).
     */
    private void unheard(Call call) {
      if (call.ticket() != null) {
        breaker.get().onFailure(call.ticket(), FailureClass.CLIENT, clock.instant());
      }
    }
  }
}
