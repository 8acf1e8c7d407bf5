package org.pilotpool.startd;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Value;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.schedd.Schedd;
import org.pilotpool.schedd.ScheddEffect;
import org.pilotpool.schedd.ShadowOutcome;
import org.pilotpool.starter.Starter;
import org.pilotpool.starter.StarterContext;
import org.pilotpool.starter.StarterReport;

/**
 * One slot's startd as plain state and inputs: HTCondor's State/Activity (Unclaimed/Idle,
 * Claimed/Idle, Claimed/Busy, Claimed/Retiring), claim work life, one starter per activation,
 * and the slot's end of life (retire: no new claims or jobs, the running job finishes; shutdown:
 * the running job is evicted). Every change of the ad is advertised.
 *
 * <p>A starter that fails to start its job (a shadow exception or a not-started job) breaks the
 * claim: the startd refuses the schedd's next activation on it, so the schedd gives the claim back
 * and the slot is negotiated afresh. With holding off, that is HTCondor's try-and-fail loop at the
 * negotiation cadence.
 *
 * <p>Not thread-safe: one caller (the actor) at a time.
 */
public final class StartdLogic {
  /** HTCondor's claim states. */
  public enum State { UNCLAIMED, CLAIMED }

  /** HTCondor's activities. */
  public enum Activity { IDLE, BUSY, RETIRING }

  private enum Life { ACTIVE, RETIRING, SHUTTING_DOWN, GONE }

  private final SlotSpec slot;
  private final StartdConfig config;
  private final ProxyCredential pilotProxy;
  private final InstantSource clock;

  private State state = State.UNCLAIMED;
  private Life life = Life.ACTIVE;
  private Instant claimedAt;
  private int jobsOnClaim;
  private boolean claimBroken;
  private JobId running;
  private int activations;
  private int nextPid = 1000;
  /** The ads built so far, by {@link #ad()}'s variant index. */
  private final ClassAd[] ads = new ClassAd[State.values().length * Activity.values().length * 2];

  public StartdLogic(SlotSpec slot, StartdConfig config, ProxyCredential pilotProxy,
      InstantSource clock) {
    this.slot = Objects.requireNonNull(slot, "slot");
    this.config = Objects.requireNonNull(config, "config");
    this.pilotProxy = Objects.requireNonNull(pilotProxy, "pilotProxy");
    this.clock = Objects.requireNonNull(clock, "clock");
  }

  public State state() {
    return state;
  }

  public Activity activity() {
    if (running != null) {
      return life == Life.ACTIVE ? Activity.BUSY : Activity.RETIRING;
    }
    return Activity.IDLE;
  }

  /** The slot comes up: its first ad. */
  public List<StartdEffect> start() {
    return List.of(new StartdEffect.Advertise(ad()));
  }

  /**
   * The slot's ad as it is now. It depends only on the state, the activity and whether the slot
   * still takes jobs, so each of those few variants is built once and then shared: an ad is never
   * modified once advertised, and the slot advertises on every change of a claim.
   */
  public ClassAd ad() {
    int variant = (state.ordinal() * Activity.values().length + activity().ordinal()) * 2
        + (life == Life.ACTIVE ? 0 : 1);
    ClassAd ad = ads[variant];
    if (ad == null) {
      ad = buildAd();
      ads[variant] = ad;
    }
    return ad;
  }

  private ClassAd buildAd() {
    ClassAd ad = new ClassAd()
        .set("Name", slot.name())
        .set("Machine", slot.node())
        .set("State", state == State.UNCLAIMED ? "Unclaimed" : "Claimed")
        .set("Activity", switch (activity()) {
          case IDLE -> "Idle";
          case BUSY -> "Busy";
          case RETIRING -> "Retiring";
        })
        .set("Cpus", slot.cpus())
        .set("Memory", slot.memoryMb())
        .set("GLIDEIN_Site", slot.site());
    if (life == Life.ACTIVE) {
      ad.insert("START", config.start());
    } else {
      ad.set("START", false);
    }
    return ad;
  }

  /** A schedd's request. */
  public List<StartdEffect> fromSchedd(ScheddEffect.ToSlot request) {
    List<StartdEffect> out = new ArrayList<>();
    if (request instanceof ScheddEffect.RequestClaim r) {
      requestClaim(out, r);
    } else if (request instanceof ScheddEffect.ActivateClaim a) {
      activate(out, a);
    } else if (request instanceof ScheddEffect.KillJob k) {
      if (k.job().equals(running)) {
        out.add(new StartdEffect.ToStarter(Starter.Kill.INSTANCE));
      }
    } else if (request instanceof ScheddEffect.ReleaseClaim) {
      release(out);
    }
    return out;
  }

  /** The running starter reported. */
  public List<StartdEffect> fromStarter(StarterReport report) {
    List<StartdEffect> out = new ArrayList<>();
    if (!report.job().equals(running)) {
      return out;
    }
    Instant now = clock.instant();
    if (report instanceof StarterReport.Started s) {
      out.add(new StartdEffect.ToSchedd(
          new Schedd.JobStarted(s.job(), slot.name(), s.executeHost())));
    } else if (report instanceof StarterReport.Noted n) {
      out.add(new StartdEffect.Observe(new SlotEvent.Noted(slot.name(), slot.site(), n.event(),
          now)));
    } else if (report instanceof StarterReport.Exited e) {
      running = null;
      jobsOnClaim++;
      if (e.outcome() instanceof ShadowOutcome.Excepted
          || e.outcome() instanceof ShadowOutcome.NotStarted) {
        claimBroken = true;
      }
      out.add(new StartdEffect.Observe(new SlotEvent.Ended(slot.name(), slot.site(), e.job(),
          e.outcome(), e.glexecCalls(), now)));
      out.add(new StartdEffect.ToSchedd(new Schedd.JobExited(e.job(), slot.name(), e.outcome())));
      out.add(new StartdEffect.Advertise(ad()));
    }
    return out;
  }

  /** The pilot retires the slot: no new claims or jobs; a running job finishes. */
  public List<StartdEffect> retire() {
    List<StartdEffect> out = new ArrayList<>();
    if (life == Life.ACTIVE) {
      life = Life.RETIRING;
      leaveOrAdvertise(out);
    }
    return out;
  }

  /** The pilot reached its end: a running job is evicted (004) and the slot leaves. */
  public List<StartdEffect> shutdown(String reason) {
    List<StartdEffect> out = new ArrayList<>();
    if (life == Life.GONE || life == Life.SHUTTING_DOWN) {
      return out;
    }
    life = Life.SHUTTING_DOWN;
    if (running != null) {
      out.add(new StartdEffect.ToStarter(new Starter.Evict(reason)));
    }
    leaveOrAdvertise(out);
    return out;
  }

  /** A re-delegated proxy for {@code job}: the running starter gets it. */
  public List<StartdEffect> proxyDelegated(JobId job, ProxyCredential proxy) {
    if (job.equals(running)) {
      return List.of(new StartdEffect.ToStarter(new Starter.ProxyDelegated(proxy)));
    }
    return List.of();
  }

  private void requestClaim(List<StartdEffect> out, ScheddEffect.RequestClaim r) {
    boolean accept = state == State.UNCLAIMED && life == Life.ACTIVE
        && ClassAd.matches(r.jobAd(), ad());
    if (accept) {
      state = State.CLAIMED;
      claimedAt = clock.instant();
      jobsOnClaim = 0;
      claimBroken = false;
    }
    out.add(new StartdEffect.ToSchedd(new Schedd.ClaimResponse(slot.name(), accept)));
    if (accept) {
      Value owner = r.jobAd().evaluate("Owner");
      out.add(new StartdEffect.Observe(new SlotEvent.Claimed(slot.name(), slot.site(),
          owner.isString() ? owner.asString() : "", claimedAt)));
      out.add(new StartdEffect.Advertise(ad()));
    }
  }

  private void activate(List<StartdEffect> out, ScheddEffect.ActivateClaim a) {
    if (state != State.CLAIMED || running != null || life != Life.ACTIVE || claimBroken
        || !worklifeAllowsJob()) {
      out.add(new StartdEffect.ToSchedd(new Schedd.JobExited(a.job().id(), slot.name(),
          new ShadowOutcome.NotStarted())));
      return;
    }
    activations++;
    running = a.job().id();
    int rootPid = nextPid;
    nextPid += a.job().profile().processFamilySize() + 1;
    String prefix = slot.name() + "/" + running.clusterProc() + "/" + activations;
    StarterContext context = new StarterContext(a.job(), slot.name(), slot.site(),
        slot.executeHost(), pilotProxy, config.executeDir() + "/dir_" + activations, rootPid,
        prefix);
    out.add(new StartdEffect.SpawnStarter(context));
    out.add(new StartdEffect.Observe(new SlotEvent.Activated(slot.name(), slot.site(), running,
        clock.instant())));
    out.add(new StartdEffect.Advertise(ad()));
  }

  /** CLAIM_WORKLIFE: negative infinite, zero one job, else no new job once it has passed. */
  private boolean worklifeAllowsJob() {
    Duration worklife = config.claimWorklife();
    if (worklife.isNegative()) {
      return true;
    }
    if (worklife.isZero()) {
      return jobsOnClaim == 0;
    }
    return clock.instant().isBefore(claimedAt.plus(worklife));
  }

  private void release(List<StartdEffect> out) {
    if (state != State.CLAIMED || running != null) {
      // A running job keeps the slot; the schedd releases only idle claims.
      return;
    }
    state = State.UNCLAIMED;
    claimedAt = null;
    claimBroken = false;
    out.add(new StartdEffect.Observe(new SlotEvent.Released(slot.name(), slot.site(),
        clock.instant())));
    leaveOrAdvertise(out);
  }

  private void leaveOrAdvertise(List<StartdEffect> out) {
    if (life != Life.ACTIVE && state == State.UNCLAIMED) {
      life = Life.GONE;
      out.add(new StartdEffect.Invalidate(slot.name()));
      out.add(new StartdEffect.Observe(new SlotEvent.Left(slot.name(), slot.site(),
          clock.instant())));
      out.add(new StartdEffect.Stop());
    } else {
      out.add(new StartdEffect.Advertise(ad()));
    }
  }
}
