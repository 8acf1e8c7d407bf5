package org.pilotpool.starter;

import java.time.Duration;
import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.CpuUsage;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.job.Hold;
import org.pilotpool.model.job.HoldReasonCode;
import org.pilotpool.model.retry.FailureCause;
import org.pilotpool.model.retry.HelperExit;
import org.pilotpool.model.retry.RetryPolicy;
import org.pilotpool.model.retry.RetryingStep;
import org.pilotpool.procd.FamilyKillReport;
import org.pilotpool.procd.ProcessFamily;
import org.pilotpool.procd.ProcessOwnership;
import org.pilotpool.schedd.ShadowOutcome;
import org.pilotpool.workernode.GlexecCall;

/**
 * One job's starter in HTCondor's glexec mode (GLEXEC_JOB), as plain state and inputs: glexec
 * SETUP (sandbox to the user), LAUNCH (the job wrapper), the payload's run time with UPDATE_PROXY
 * on each proxy refresh, then CLEANUP (sandbox back to condor), and the report to the shadow.
 * Each glexec step runs through a {@link RetryingStep} with the node's retry policy. Failures
 * give HTCondor's hold codes and messages: SETUP 28 with the helper's raw wait status as subcode,
 * LAUNCH 6, CLEANUP 30; the proxy-expiry timer holds with code 4 and kills the job.
 *
 * <p>With {@code GLEXEC_JOB=False} (a glidein that disabled glexec) there is no glexec step: the
 * payload starts at once as the pilot's account, kills and cleanup need no call.
 *
 * <p>The expiry timer is armed once SETUP has succeeded (HTCondor arms it at environment set-up,
 * whose synchronous SETUP helper finishes before any timer can fire) and after each refresh.
 *
 * <p>Not thread-safe: one caller (the actor) at a time.
 */
public final class StarterLogic {
  /** The executable name HTCondor gives the transferred job binary. */
  static final String EXECUTABLE = "condor_exec.exe";

  private enum Phase { SETUP, LAUNCH, RUNNING, KILLING, CLEANUP, DONE }

  private final StarterConfig config;
  private final StarterContext cx;
  private final RetryPolicy policy;
  private final InstantSource clock;
  private final JobId job;

  private Phase phase = Phase.SETUP;
  private Instant activatedAt;
  private ProxyCredential proxy;
  /** The account SETUP mapped the proxy to: owner of the sandbox and the processes. */
  private String owner;
  private ProcessFamily family;

  private RetryingStep step;
  private GlexecOperation stepOp;
  private String stepCall;
  private GlexecResult lastResult;
  private FailureCause lastCause = FailureCause.NOT_KNOWN;
  /** Why the step's last attempt did not call glexec (expired proxy, open breaker); else null. */
  private String lastNotCalled;

  private ProxyCredential staged;
  private boolean checkArmed;
  private String updateCall;
  private ProxyCredential updating;

  /** What to report once CLEANUP is over. */
  private ShadowOutcome pending;
  /** A kill, eviction or expiry hold that arrived while a SETUP or LAUNCH call was out. */
  private ShadowOutcome interrupted;
  private int calls;
  private int sequence;

  public StarterLogic(StarterConfig config, StarterContext context, RetryPolicy policy,
      InstantSource clock) {
    this.config = Objects.requireNonNull(config, "config");
    this.cx = Objects.requireNonNull(context, "context");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.job = context.job().id();
  }

  /**
   * The activation begins: SETUP, or an exception when the job has no proxy; without glexec
   * ({@code GLEXEC_JOB=False}) the payload starts at once.
   */
  public List<StarterEffect> start() {
    activatedAt = clock.instant();
    List<StarterEffect> out = new ArrayList<>();
    if (!config.glexecJob()) {
      startWithoutGlexec(out);
      return out;
    }
    if (cx.job().proxy().isEmpty()) {
      finish(out, new ShadowOutcome.Excepted(
          "configuration specifies use of glexec, but job has no proxy"));
      return out;
    }
    proxy = cx.job().proxy().get();
    beginStep(out, GlexecOperation.SETUP);
    return out;
  }

  /** A glexec call of this starter ended. */
  public List<StarterEffect> glexecEnded(GlexecCall call) {
    List<StarterEffect> out = new ArrayList<>();
    if (call.callId().equals(updateCall)) {
      updateEnded(out, call);
    } else if (call.callId().equals(stepCall)) {
      stepCall = null;
      stepCallEnded(out, call);
    }
    return out;
  }

  /** A named timer fired. */
  public List<StarterEffect> timerFired(StarterTimer timer) {
    List<StarterEffect> out = new ArrayList<>();
    switch (timer) {
      case RETRY -> {
        if (step != null && stepCall == null && phase != Phase.DONE) {
          invoke(out, stepOp);
        }
      }
      case PAYLOAD -> {
        if (phase == Phase.RUNNING) {
          pending = new ShadowOutcome.Completed(true, 0,
              new CpuUsage(cx.job().profile().runTime().toSeconds(), 0));
          beginCleanup(out);
        }
      }
      case PROXY_EXPIRY -> terminate(out,
          new ShadowOutcome.ShouldHold(new Hold(HoldReasonCode.CORRUPTED_CREDENTIAL, 0,
              "Proxy about to expire")));
      case CHECK_PROXY -> checkProxy(out);
    }
    return out;
  }

  /** The schedd asked for the job to be killed (condor_rm or condor_hold). */
  public List<StarterEffect> kill() {
    List<StarterEffect> out = new ArrayList<>();
    terminate(out, new ShadowOutcome.Killed());
    return out;
  }

  /** The slot is shutting down: evict the job, which goes back to the queue (004). */
  public List<StarterEffect> evict(String reason) {
    List<StarterEffect> out = new ArrayList<>();
    terminate(out, new ShadowOutcome.Requeued(reason));
    return out;
  }

  /** The shadow has a re-delegated proxy; it pushes it at its next check. */
  public List<StarterEffect> proxyDelegated(ProxyCredential refreshed) {
    List<StarterEffect> out = new ArrayList<>();
    staged = Objects.requireNonNull(refreshed, "refreshed");
    if (!checkArmed && (phase == Phase.SETUP || phase == Phase.LAUNCH || phase == Phase.RUNNING)) {
      Duration interval = config.checkProxyInterval();
      long sinceStart = Duration.between(activatedAt, clock.instant()).toNanos();
      long wait = interval.toNanos() - sinceStart % interval.toNanos();
      checkArmed = true;
      out.add(new StarterEffect.StartTimer(StarterTimer.CHECK_PROXY, Duration.ofNanos(wait)));
    }
    return out;
  }

  /** The procd finished killing the family. */
  public List<StarterEffect> familyKilled(FamilyKillReport report) {
    List<StarterEffect> out = new ArrayList<>();
    if (phase != Phase.KILLING) {
      return out;
    }
    calls += report.glexecCalls();
    if (!report.complete()) {
      note(out, new StarterEvent.ControlLost(job, clock.instant(), report.failed()));
    }
    beginCleanup(out);
    return out;
  }

  /**
   * The job runs as the pilot's account: nothing to switch, so no glexec step; the proxy, if the
   * job has one, still gets the expiry eviction HTCondor applies to every job.
   */
  private void startWithoutGlexec(List<StarterEffect> out) {
    proxy = cx.job().proxy().orElse(null);
    family = new ProcessFamily(job, cx.rootPid(), cx.job().profile().processFamilySize(),
        cx.job().owner());
    phase = Phase.RUNNING;
    out.add(new StarterEffect.Report(new StarterReport.Started(job, cx.executeHost())));
    out.add(new StarterEffect.StartTimer(StarterTimer.PAYLOAD, cx.job().profile().runTime()));
    if (proxy != null) {
      armExpiry(out);
    }
  }

  // ---------------------------------------------------------------- steps

  private void beginStep(List<StarterEffect> out, GlexecOperation op) {
    step = new RetryingStep(policy);
    stepOp = op;
    lastNotCalled = null;
    lastResult = null;
    lastCause = FailureCause.NOT_KNOWN;
    invoke(out, op);
  }

  private void invoke(List<StarterEffect> out, GlexecOperation op) {
    stepCall = cx.callPrefix() + "/" + op + "#" + (++sequence);
    out.add(new StarterEffect.Invoke(stepCall, invocation(op, proxy, Optional.empty())));
  }

  private GlexecInvocation invocation(GlexecOperation op, ProxyCredential with,
      Optional<String> input) {
    String sandbox = cx.sandbox();
    List<String> command = switch (op) {
      case SETUP -> List.of("sh", "-c",
          "install -m 755 -d " + sandbox + " && tar -C " + sandbox + " -x");
      case LAUNCH -> List.of("sh", "-c", "cd " + sandbox + " && exec \"$@\"",
          "condor_glexec_job_wrapper", EXECUTABLE);
      case UPDATE_PROXY -> List.of("sh", "-c", "umask 077 && cat > " + sandbox
          + "/new.copy && mv " + sandbox + "/new.copy " + sandbox + "/" + proxyFile());
      case CLEANUP -> List.of("sh", "-c", "rm -f " + sandbox + "/" + proxyFile() + " && tar -C "
          + sandbox + " -c . && rm -rf " + sandbox);
      case KILL, VALIDATE -> throw new IllegalArgumentException("not a starter step: " + op);
    };
    String dir = op == GlexecOperation.SETUP ? sandbox + ".condor" : sandbox;
    return new GlexecInvocation(op, with, cx.pilotProxy(), command, dir, input);
  }

  private String proxyFile() {
    String location = proxy.location();
    int slash = location.lastIndexOf('/');
    return slash < 0 ? location : location.substring(slash + 1);
  }

  private void stepCallEnded(List<StarterEffect> out, GlexecCall call) {
    RetryingStep.Next next;
    if (call instanceof GlexecCall.Returned r) {
      calls++;
      GlexecResult seen = r.result();
      if (stepOp == GlexecOperation.CLEANUP && owner != null) {
        seen = ProcessOwnership.asSeenBy(seen, owner, ProcessOwnership.TAR_NOT_PERMITTED,
            "tar: .: Cannot open: Permission denied");
      }
      lastResult = seen;
      lastCause = seen == r.result() ? r.cause() : FailureCause.NOT_KNOWN;
      lastNotCalled = null;
      next = step.callEnded(seen, lastCause);
    } else if (call instanceof GlexecCall.BreakerOpen open) {
      lastNotCalled = GlexecCall.BreakerOpen.MESSAGE;
      lastCause = FailureCause.NOT_KNOWN;
      next = step.refused(open.retryAfter());
    } else {
      lastNotCalled = HelperExit.PROXY_NOT_VALID_MESSAGE;
      lastCause = FailureCause.PROXY_EXPIRED;
      next = step.proxyExpired();
    }
    if (next instanceof RetryingStep.Next.CallAgain again) {
      if (interrupted != null && stepOp != GlexecOperation.CLEANUP) {
        abandonStep(out);
      } else {
        out.add(new StarterEffect.StartTimer(StarterTimer.RETRY, again.delay()));
      }
    } else if (next instanceof RetryingStep.Next.Succeeded) {
      stepSucceeded(out);
    } else {
      stepFailed(out, ((RetryingStep.Next.Failed) next).why().exit());
    }
  }

  private void stepSucceeded(List<StarterEffect> out) {
    GlexecOperation op = stepOp;
    step = null;
    switch (op) {
      case SETUP -> {
        owner = lastResult.mappedAccount().orElse(null);
        armExpiry(out);
        if (interrupted != null) {
          pending = interrupted;
          beginCleanup(out);
        } else {
          phase = Phase.LAUNCH;
          beginStep(out, GlexecOperation.LAUNCH);
        }
      }
      case LAUNCH -> {
        family = new ProcessFamily(job, cx.rootPid(), cx.job().profile().processFamilySize(),
            owner == null ? cx.job().owner() : owner);
        phase = Phase.RUNNING;
        out.add(new StarterEffect.Report(new StarterReport.Started(job, cx.executeHost())));
        if (interrupted != null) {
          pending = interrupted;
          startKill(out);
        } else {
          out.add(new StarterEffect.StartTimer(StarterTimer.PAYLOAD,
              cx.job().profile().runTime()));
        }
      }
      case CLEANUP -> finish(out, pending);
      default -> throw new IllegalStateException("not a starter step: " + op);
    }
  }

  private void stepFailed(List<StarterEffect> out, HelperExit exit) {
    GlexecOperation op = stepOp;
    step = null;
    int status = exit.rawWaitStatus();
    String output = lastNotCalled != null ? lastNotCalled : oneLine(lastResult.stderr());
    switch (op) {
      case SETUP -> {
        String message = "error changing sandbox ownership to the user: condor_glexec_setup "
            + "exited with status " + status + " and the following output: " + output;
        if (interrupted != null) {
          finish(out, interrupted);
        } else if (config.denialPolicy() == DenialPolicy.EXCLUDE_SITE
            && lastCause == FailureCause.AUTHZ_DENIED) {
          note(out, new StarterEvent.SiteDenied(job, clock.instant(), cx.site()));
          finish(out, new ShadowOutcome.Requeued("glexec authorization denied at site "
              + cx.site() + ", which the job now avoids: " + message));
        } else if (config.holdOnInitialFailure() || exit == HelperExit.PROXY_NOT_VALID) {
          finish(out, new ShadowOutcome.ShouldHold(
              new Hold(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_USER, status, message)));
        } else {
          finish(out, new ShadowOutcome.Excepted(message));
        }
      }
      case LAUNCH -> {
        int rc = lastNotCalled != null ? status : lastResult.exitStatus();
        pending = interrupted != null ? interrupted
            : new ShadowOutcome.ShouldHold(new Hold(HoldReasonCode.FAILED_TO_CREATE_PROCESS, 0,
                "Failed to execute '" + cx.sandbox() + "/" + EXECUTABLE
                    + "' with arguments : glexec call exited with status " + rc
                    + " and with error output (" + output + ")"));
        beginCleanup(out);
      }
      case CLEANUP -> {
        String message = "error changing sandbox ownership to condor: condor_glexec_cleanup "
            + "exited with status " + status + " and the following output: " + output;
        // A hold already decided (launch failure, expiring proxy) keeps its code.
        if (pending instanceof ShadowOutcome.ShouldHold) {
          finish(out, pending);
        } else {
          finish(out, new ShadowOutcome.ShouldHold(
              new Hold(HoldReasonCode.GLEXEC_CHOWN_SANDBOX_TO_CONDOR, status, message)));
        }
      }
      default -> throw new IllegalStateException("not a starter step: " + op);
    }
  }

  /** A SETUP or LAUNCH step waiting to retry is given up because the job is being stopped. */
  private void abandonStep(List<StarterEffect> out) {
    GlexecOperation op = stepOp;
    step = null;
    out.add(new StarterEffect.CancelTimer(StarterTimer.RETRY));
    if (op == GlexecOperation.SETUP) {
      finish(out, interrupted);
    } else {
      pending = interrupted;
      beginCleanup(out);
    }
  }

  // ---------------------------------------------------------------- stopping

  private void terminate(List<StarterEffect> out, ShadowOutcome outcome) {
    switch (phase) {
      case SETUP, LAUNCH -> {
        if (interrupted != null) {
          return;
        }
        interrupted = outcome;
        if (stepCall == null && step != null) {
          abandonStep(out);
        }
      }
      case RUNNING -> {
        pending = outcome;
        startKill(out);
      }
      case KILLING, CLEANUP, DONE -> {
        // Already stopping: the first reason stands.
      }
    }
  }

  private void startKill(List<StarterEffect> out) {
    phase = Phase.KILLING;
    out.add(new StarterEffect.CancelTimer(StarterTimer.PAYLOAD));
    out.add(new StarterEffect.CancelTimer(StarterTimer.PROXY_EXPIRY));
    out.add(new StarterEffect.CancelTimer(StarterTimer.CHECK_PROXY));
    checkArmed = false;
    if (!config.glexecJob()) {
      // The processes are the pilot's own: the procd signals them without glexec.
      finish(out, pending);
      return;
    }
    out.add(new StarterEffect.KillFamily(family, proxy));
  }

  private void beginCleanup(List<StarterEffect> out) {
    phase = Phase.CLEANUP;
    out.add(new StarterEffect.CancelTimer(StarterTimer.PAYLOAD));
    out.add(new StarterEffect.CancelTimer(StarterTimer.PROXY_EXPIRY));
    out.add(new StarterEffect.CancelTimer(StarterTimer.CHECK_PROXY));
    checkArmed = false;
    if (!config.glexecJob()) {
      // The sandbox never left condor's hands: nothing to chown back.
      finish(out, pending);
      return;
    }
    beginStep(out, GlexecOperation.CLEANUP);
  }

  private void finish(List<StarterEffect> out, ShadowOutcome outcome) {
    phase = Phase.DONE;
    for (StarterTimer t : StarterTimer.values()) {
      out.add(new StarterEffect.CancelTimer(t));
    }
    out.add(new StarterEffect.Report(new StarterReport.Exited(job, outcome, calls)));
    out.add(new StarterEffect.Stop());
  }

  // ---------------------------------------------------------------- proxy

  private void armExpiry(List<StarterEffect> out) {
    Duration left = Duration.between(clock.instant(), proxy.notAfter())
        .minus(config.proxyExpiringEvictionTime());
    out.add(new StarterEffect.StartTimer(StarterTimer.PROXY_EXPIRY,
        left.isNegative() ? Duration.ZERO : left));
  }

  private void checkProxy(List<StarterEffect> out) {
    checkArmed = false;
    ProxyCredential refreshed = staged;
    staged = null;
    if (refreshed == null || updateCall != null) {
      staged = refreshed;
      return;
    }
    if (config.identityPolicy() == IdentityPolicy.REFUSE_IDENTITY_CHANGE
        && identityChanged(proxy, refreshed)) {
      note(out, new StarterEvent.IdentityChangeRefused(job, clock.instant(), proxy.identity(),
          refreshed.identity()));
      return;
    }
    if (!config.glexecJob()) {
      if (phase == Phase.RUNNING) {
        // The shadow writes the new proxy into condor's own sandbox.
        proxy = refreshed;
        out.add(new StarterEffect.CancelTimer(StarterTimer.PROXY_EXPIRY));
        armExpiry(out);
        note(out, new StarterEvent.ProxyRefreshed(job, clock.instant(), refreshed.identity(),
            true));
      }
    } else if (phase == Phase.SETUP && owner == null) {
      // The sandbox is still condor's: condor_glexec_update_proxy only moves the file.
      proxy = refreshed;
      note(out, new StarterEvent.ProxyRefreshed(job, clock.instant(), refreshed.identity(), true));
    } else if (phase == Phase.LAUNCH || phase == Phase.RUNNING) {
      // Authorized with the old proxy, which is still the sandbox's.
      updating = refreshed;
      updateCall = cx.callPrefix() + "/" + GlexecOperation.UPDATE_PROXY + "#" + (++sequence);
      out.add(new StarterEffect.Invoke(updateCall, invocation(GlexecOperation.UPDATE_PROXY, proxy,
          Optional.of(refreshed.location()))));
    }
  }

  private void updateEnded(List<StarterEffect> out, GlexecCall call) {
    updateCall = null;
    boolean ok = call instanceof GlexecCall.Returned r && r.result().succeeded();
    if (call instanceof GlexecCall.Returned) {
      calls++;
    }
    // condor_glexec_update_proxy does not retry: on failure the old proxy stays.
    if (ok && (phase == Phase.LAUNCH || phase == Phase.RUNNING)) {
      proxy = updating;
      out.add(new StarterEffect.CancelTimer(StarterTimer.PROXY_EXPIRY));
      armExpiry(out);
    }
    note(out, new StarterEvent.ProxyRefreshed(job, clock.instant(), updating.identity(), ok));
    updating = null;
  }

  /** Whether the DN or the primary FQAN differ: the attributes the schedd assumes fixed. */
  static boolean identityChanged(ProxyCredential before, ProxyCredential after) {
    String firstBefore = before.fqans().isEmpty() ? "" : before.fqans().get(0);
    String firstAfter = after.fqans().isEmpty() ? "" : after.fqans().get(0);
    return !before.identity().equals(after.identity()) || !firstBefore.equals(firstAfter);
  }

  private static void note(List<StarterEffect> out, StarterEvent event) {
    out.add(new StarterEffect.Report(new StarterReport.Noted(event)));
  }

  /** HTCondor turns the helper's newlines into "; ". */
  private static String oneLine(String text) {
    return text.strip().replace("\r\n", "\n").replace("\n", "; ");
  }
}
