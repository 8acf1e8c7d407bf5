package org.pilotpool.authz;

import java.time.Instant;
import java.time.InstantSource;
import java.util.List;
import java.util.Objects;
import java.util.random.RandomGenerator;
import org.apache.pekko.actor.typed.ActorRef;
import org.apache.pekko.actor.typed.Behavior;
import org.apache.pekko.actor.typed.javadsl.Behaviors;
import org.apache.pekko.actor.typed.javadsl.TimerScheduler;

/**
 * One site's authorization service (GUMS / Argus / SCAS) as an actor: a thin behaviour around
 * {@link SiteAuthzLogic} that maps its effects onto {@code tell} and Pekko timers. Time comes only
 * from the injected clock and randomness only from the injected generator, so the same behaviour
 * runs under a virtual-time scheduler and under the wall clock.
 */
public final class SiteAuthz {

  private SiteAuthz() {}

  /** Messages the service accepts. */
  public sealed interface Command {}

  /**
   * Authorize one glexec call: the payload's DN and FQANs (first one primary) and the pilot's DN,
   * or {@code null} when the caller has no pilot credential.
   */
  public record Authorize(
      String requestId,
      String identity,
      List<String> fqans,
      String pilotIdentity,
      ActorRef<AuthzReply> replyTo)
      implements Command {
    public Authorize {
      Objects.requireNonNull(replyTo, "replyTo");
      fqans = List.copyOf(fqans);
    }
  }

  /** Ban {@code target} from now on (plus the configured propagation delay). */
  public record Ban(BanTarget target) implements Command {}

  /** Lift the ban on {@code target} from now on (plus the configured propagation delay). */
  public record Unban(BanTarget target) implements Command {}

  /** Reply with a {@link SiteAuthzStats} snapshot. */
  public record GetStats(ActorRef<SiteAuthzStats> replyTo) implements Command {}

  /** A timer the logic asked for has fired. */
  private record TimerFired(TimerKey key) implements Command {}

  /**
   * The service for one site.
   *
   * @param config the site's service model
   * @param clock the only source of time
   * @param rng service-time randomness, seeded from the master seed and the site's stable id
   */
  public static Behavior<Command> create(
      SiteAuthzConfig config, InstantSource clock, RandomGenerator rng) {
    Objects.requireNonNull(config, "config");
    Objects.requireNonNull(clock, "clock");
    Objects.requireNonNull(rng, "rng");
    return Behaviors.withTimers(
        timers -> {
          SiteAuthzLogic<ActorRef<AuthzReply>> logic =
              new SiteAuthzLogic<>(config, rng, clock.instant());
          return new Host(logic, clock, timers).start();
        });
  }

  /** Feeds messages to the logic and carries out its effects. */
  private record Host(
      SiteAuthzLogic<ActorRef<AuthzReply>> logic,
      InstantSource clock,
      TimerScheduler<Command> timers) {

    Behavior<Command> start() {
      apply(logic.onStart());
      return Behaviors.receive(Command.class)
          .onMessage(Authorize.class, this::authorize)
          .onMessage(TimerFired.class, m -> handled(logic.onTimer(clock.instant(), m.key())))
          .onMessage(Ban.class, m -> banChange(BanChange.Action.BAN, m.target()))
          .onMessage(Unban.class, m -> banChange(BanChange.Action.UNBAN, m.target()))
          .onMessage(GetStats.class, this::stats)
          .build();
    }

    private Behavior<Command> authorize(Authorize m) {
      AuthzRequest request =
          new AuthzRequest(m.requestId(), m.identity(), m.fqans(), m.pilotIdentity());
      return handled(logic.onRequest(clock.instant(), request, m.replyTo()));
    }

    private Behavior<Command> banChange(BanChange.Action action, BanTarget target) {
      Instant now = clock.instant();
      return handled(logic.onBanChange(now, new BanChange(now, action, target)));
    }

    private Behavior<Command> stats(GetStats m) {
      m.replyTo().tell(logic.stats(clock.instant()));
      return Behaviors.same();
    }

    private Behavior<Command> handled(List<AuthzEffect<ActorRef<AuthzReply>>> effects) {
      apply(effects);
      return Behaviors.same();
    }

    private void apply(List<AuthzEffect<ActorRef<AuthzReply>>> effects) {
      for (AuthzEffect<ActorRef<AuthzReply>> effect : effects) {
        if (effect instanceof AuthzEffect.Reply<ActorRef<AuthzReply>> reply) {
          reply.replyTo().tell(reply.reply());
        } else if (effect instanceof AuthzEffect.StartTimer<ActorRef<AuthzReply>> start) {
          timers.startSingleTimer(start.key(), new TimerFired(start.key()), start.delay());
        } else if (effect instanceof AuthzEffect.CancelTimer<ActorRef<AuthzReply>> cancel) {
          timers.cancel(cancel.key());
        }
      }
    }
  }
}
