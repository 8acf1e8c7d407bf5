package org.pilotpool.procd;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.glexec.GlexecInvocation;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.glexec.GlexecResult;
import org.pilotpool.model.retry.FailureCause;
import org.pilotpool.model.retry.RetryPolicy;
import org.pilotpool.model.retry.RetryingStep;
import org.pilotpool.workernode.GlexecCall;

/**
 * One job's procd: kills its process family through glexec, each target pid as one
 * {@code condor_glexec_kill} step ({@code glexec sh -c "/bin/kill -SIG pid"}) with the retry
 * policy's rule. All steps of a spree start at once, which is the burst a mass removal sends to
 * the site. A failed step is only counted, as HTCondor's procd only logs it.
 *
 * <p>Not thread-safe: one caller (the actor) at a time.
 */
public final class ProcdLogic {
  /** SIGKILL: the signal of a hard kill. */
  public static final int SIGKILL = 9;

  private final KillMode mode;
  private final RetryPolicy policy;
  private final String callPrefix;
  private ProcessFamily family;
  private ProxyCredential proxy;
  private ProxyCredential pilotProxy;
  private int signal;
  private final Map<Integer, RetryingStep> steps = new TreeMap<>();
  private final Map<String, Integer> pidByCall = new TreeMap<>();
  private final List<Integer> killed = new ArrayList<>();
  private final List<Integer> failed = new ArrayList<>();
  private int calls;
  private int sequence;

  /**
   * @param callPrefix makes call ids unique on the worker node (e.g. the slot and job)
   */
  public ProcdLogic(KillMode mode, RetryPolicy policy, String callPrefix) {
    this.mode = Objects.requireNonNull(mode, "mode");
    this.policy = Objects.requireNonNull(policy, "policy");
    this.callPrefix = Objects.requireNonNull(callPrefix, "callPrefix");
  }

  /** Whether a kill is under way. */
  public boolean killing() {
    return family != null;
  }

  /**
   * Kills {@code family} with {@code signal}, authorized by {@code proxy} (the job's current
   * proxy, as the procd registered it).
   */
  public List<ProcdEffect> kill(ProcessFamily family, ProxyCredential proxy,
      ProxyCredential pilotProxy, int signal) {
    if (killing()) {
      throw new IllegalStateException("a kill of " + this.family.job() + " is under way");
    }
    this.family = family;
    this.proxy = proxy;
    this.pilotProxy = pilotProxy;
    this.signal = signal;
    steps.clear();
    killed.clear();
    failed.clear();
    calls = 0;
    List<ProcdEffect> out = new ArrayList<>();
    for (int pid : family.targets(mode)) {
      steps.put(pid, new RetryingStep(policy));
      out.add(invoke(pid));
    }
    return out;
  }

  /** A kill call ended. Calls this procd does not know are ignored. */
  public List<ProcdEffect> callEnded(GlexecCall call) {
    Integer pid = pidByCall.remove(call.callId());
    if (pid == null || !steps.containsKey(pid)) {
      return List.of();
    }
    RetryingStep step = steps.get(pid);
    RetryingStep.Next next;
    if (call instanceof GlexecCall.Returned r) {
      calls++;
      GlexecResult seen = ProcessOwnership.asSeenBy(r.result(), family.owner(),
          ProcessOwnership.KILL_NOT_PERMITTED,
          "/bin/kill: (" + pid + ") - Operation not permitted");
      next = step.callEnded(seen, seen == r.result() ? r.cause() : FailureCause.NOT_KNOWN);
    } else if (call instanceof GlexecCall.BreakerOpen open) {
      next = step.refused(open.retryAfter());
    } else {
      // The helper did not call glexec: the step ends without a call of glexec.
      next = step.proxyExpired();
    }
    if (next instanceof RetryingStep.Next.CallAgain again) {
      return List.of(new ProcdEffect.RetryAfter(pid, again.delay()));
    }
    steps.remove(pid);
    (next instanceof RetryingStep.Next.Succeeded ? killed : failed).add(pid);
    return steps.isEmpty() ? List.of(finish()) : List.of();
  }

  /** The retry delay for {@code pid} is over: call again. */
  public List<ProcdEffect> retryDue(int pid) {
    if (!steps.containsKey(pid)) {
      return List.of();
    }
    return List.of(invoke(pid));
  }

  private ProcdEffect invoke(int pid) {
    String callId = callPrefix + "/KILL/" + pid + "#" + (++sequence);
    pidByCall.put(callId, pid);
    return new ProcdEffect.Invoke(callId, new GlexecInvocation(GlexecOperation.KILL, proxy,
        pilotProxy, List.of("sh", "-c", "/bin/kill -" + signal + " " + pid), "/"));
  }

  private ProcdEffect finish() {
    FamilyKillReport report = new FamilyKillReport(family.job(), killed, failed, calls);
    family = null;
    pidByCall.clear();
    return new ProcdEffect.Done(report);
  }
}
