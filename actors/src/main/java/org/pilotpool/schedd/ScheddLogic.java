package org.pilotpool.schedd;

import java.time.Instant;
import java.time.InstantSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.CpuUsage;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.job.Hold;
import org.pilotpool.model.job.HoldReasonCode;
import org.pilotpool.model.job.Job;
import org.pilotpool.model.job.JobPolicies;
import org.pilotpool.model.job.JobQueue;
import org.pilotpool.model.job.JobQueueEvent;
import org.pilotpool.model.job.JobStatus;
import org.pilotpool.schedd.JobSelector.PolicyValue;
import org.pilotpool.schedd.ScheddEffect.KillReason;

/**
 * The schedd's decisions with HTCondor 8.8's semantics, as plain state and inputs: the job queue,
 * the matches (claims) it holds, one shadow record per job it started, and two self-draining
 * queues (shadow starts under JOB_START_DELAY / JOB_START_COUNT and MAX_JOBS_RUNNING; actions on
 * jobs with a shadow under JOB_STOP_DELAY / JOB_STOP_COUNT).
 *
 * <p>Every queue change is applied through a {@link JobQueueEvent} and emitted, together with
 * the matching user log event, so the emitted events rebuild the queue. Jobs without a shadow are
 * removed, held and released at once; a job with a shadow changes status at once (as
 * {@code condor_q} shows it) and its kill waits in the action queue; its 009 or 012 event is
 * written when the shadow reports the kill done, as HTCondor's shadow writes it.
 *
 * <p>Not thread-safe: one caller (the actor) at a time.
 */
public final class ScheddLogic {
  private final ScheddConfig config;
  private final InstantSource clock;
  private final ScheddPort port;
  private final JobQueue queue = new JobQueue();
  /** Claims by slot, in the order they were matched. */
  private final Map<String, Match> matches = new LinkedHashMap<>();
  // The maps by job id below are only looked up, never iterated: hash maps, not trees.
  /** The slot each matched job is bound to, for jobs not yet running and running ones. */
  private final Map<JobId, String> matchedJobs = new HashMap<>();
  /** The running jobs' shadows; {@link #shadowRecords} sorts them when it lists them. */
  private final Map<JobId, Shadow> shadows = new HashMap<>();
  /** Why a job with a shadow was removed, for its 009 event once the shadow is gone. */
  private final Map<JobId, String> removeReasons = new HashMap<>();
  /** The idle, unmatched jobs by submitter and autocluster, kept up to date on every change. */
  private final IdleIndex idle =
      new IdleIndex((id, now) -> queue.get(id).orElseThrow().toClassAd(now));
  /** Sites each queued job must not be matched to (our policy after a glexec denial). */
  private final Map<JobId, TreeSet<String>> excludedSites = new HashMap<>();
  /**
   * Jobs with periodic expressions of their own, in queue order: without system policies, the
   * only jobs the periodic evaluation has anything to read from.
   */
  private final TreeSet<JobId> withPolicies = new TreeSet<>(JobQueue.ORDER);
  private final SelfDrainingQueue<String> startQueue;
  private final SelfDrainingQueue<JobId> stopQueue;

  public ScheddLogic(ScheddConfig config, InstantSource clock, ScheddPort port) {
    this.config = config;
    this.clock = clock;
    this.port = port;
    this.startQueue = new SelfDrainingQueue<>(ScheddTimer.START_QUEUE, config.jobStartDelay(),
        config.jobStartCount(), this::startShadow, port);
    this.stopQueue = new SelfDrainingQueue<>(ScheddTimer.STOP_QUEUE, config.jobStopDelay(),
        config.jobStopCount(), this::sendKill, port);
  }

  /** Arms the periodic policy timer; call once when the schedd starts. */
  public void start() {
    port.startTimer(ScheddTimer.PERIODIC_EXPRS, config.periodicExprInterval());
  }

  // ---------------------------------------------------------------- submit and user actions

  /**
   * Submits a cluster of {@code submission.count()} procs, all idle, and returns their ids.
   *
   * @throws BadInputException naming the attribute when an expression does not parse, or the
   *     field when a value is out of range; nothing is queued then
   */
  public List<JobId> submit(JobSubmission submission) {
    if (submission.owner().isBlank()) {
      throw new BadInputException(null, 0, "Owner", "must not be empty");
    }
    if (submission.count() < 1) {
      throw new BadInputException(null, 0, "queue",
          "a cluster needs at least one proc, got " + submission.count());
    }
    if (submission.requestCpus() < 1) {
      throw new BadInputException(null, 0, "RequestCpus",
          "must be at least 1, got " + submission.requestCpus());
    }
    if (submission.requestMemory() < 0) {
      throw new BadInputException(null, 0, "RequestMemory",
          "must not be negative, got " + submission.requestMemory());
    }
    Expr requirements = Expr.parse("Requirements", submission.requirements());
    Optional<Expr> rank = submission.rank().map(t -> Expr.parse("Rank", t));
    JobPolicies policies = new JobPolicies(
        submission.periodicHold().map(t -> Expr.parse("PeriodicHold", t)),
        submission.periodicRelease().map(t -> Expr.parse("PeriodicRelease", t)),
        submission.periodicRemove().map(t -> Expr.parse("PeriodicRemove", t)));
    Instant now = clock.instant();
    int cluster = queue.nextClusterId();
    List<JobId> ids = new ArrayList<>(submission.count());
    for (int proc = 0; proc < submission.count(); proc++) {
      JobId id = JobId.of(cluster, proc);
      record(new JobQueueEvent.JobSubmitted(now, Job.submitted(id, submission.owner(), now,
          submission.proxy(), submission.requestCpus(), submission.requestMemory(), requirements,
          rank, policies, submission.profile())));
      log(new JobEvent.Submit(id, now, config.scheddAddress(), Optional.empty()));
      ids.add(id);
    }
    return ids;
  }

  /**
   * {@code condor_rm}: removes the selected jobs that are not already removed or completed.
   * Jobs without a shadow leave the queue at once (009); jobs with one are marked removed and
   * their kill goes into the action queue.
   */
  public List<JobId> remove(JobSelector selector, String reason) {
    List<JobId> done = new ArrayList<>();
    for (Job job : selected(selector)) {
      if (job.status() != JobStatus.REMOVED && job.status() != JobStatus.COMPLETED) {
        removeJob(job, reason);
        done.add(job.id());
      }
    }
    return done;
  }

  /** {@code condor_hold}: holds the selected idle or running jobs with code 1 (UserRequest). */
  public List<JobId> hold(JobSelector selector, String reason) {
    List<JobId> done = new ArrayList<>();
    for (Job job : selected(selector)) {
      if (job.status() == JobStatus.IDLE || job.status() == JobStatus.RUNNING) {
        holdJob(job, new Hold(HoldReasonCode.USER_REQUEST, 0, reason));
        done.add(job.id());
      }
    }
    return done;
  }

  /**
   * {@code condor_release}: releases the selected held jobs whose shadow is gone (a held job
   * whose kill is still pending is left held).
   */
  public List<JobId> release(JobSelector selector, String reason) {
    List<JobId> done = new ArrayList<>();
    for (Job job : selected(selector)) {
      if (job.status() == JobStatus.HELD && !shadows.containsKey(job.id())) {
        releaseJob(job, reason);
        done.add(job.id());
      }
    }
    return done;
  }

  /**
   * {@code condor_qedit}: binds an attribute the job record does not own (custom attributes that
   * constraints and periodic expressions may read).
   *
   * @throws BadInputException when the job is unknown, the attribute is one the schedd keeps, or
   *     the value does not parse
   */
  public void setAttribute(JobId id, String name, String expression) {
    Job job = queue.get(id).orElseThrow(() -> new BadInputException(null, 0, "job",
        "no job " + id.clusterProc() + " in the queue"));
    if (Job.OWN_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT))) {
      throw new BadInputException(null, 0, name, "is kept by the schedd and cannot be set");
    }
    record(new JobQueueEvent.AttributeSet(clock.instant(), job.id(), name,
        Expr.parse(name, expression)));
  }

  /** A re-delegated proxy reached the schedd: only {@code x509UserProxyExpiration} changes. */
  public void refreshProxy(JobId id, ProxyCredential proxy) {
    if (queue.get(id).isPresent()) {
      record(new JobQueueEvent.ProxyRefreshed(clock.instant(), id, proxy));
    }
  }

  // ---------------------------------------------------------------- negotiator and startd

  /**
   * The idle, unmatched jobs by submitter and autocluster, for a negotiation cycle.
   *
   * @param significantIdentity the job identity attributes (lower case) the slots mention, which
   *     split autoclusters
   * @param maxIdsPerAutocluster the most job ids to list per autocluster (the slots the cycle can
   *     hand out)
   */
  public IdleJobs idleJobs(Set<String> significantIdentity, int maxIdsPerAutocluster) {
    idle.significant(significantIdentity, clock.instant());
    int startable = Math.max(0, config.maxJobsRunning() - matchedJobs.size());
    return new IdleJobs(idle.autoclusters(Math.max(1, maxIdsPerAutocluster), clock.instant()),
        startable);
  }

  /**
   * As {@link #idleJobs(Set, int)}, grouped by the identity attributes last asked for: for
   * readers other than the negotiator, which must not make the schedd regroup its jobs.
   */
  public IdleJobs idleJobs(int maxIdsPerAutocluster) {
    return idleJobs(idle.significant(), maxIdsPerAutocluster);
  }

  /** From now on, do not offer {@code id} for slots whose {@code GLIDEIN_Site} is {@code site}. */
  public void excludeSite(JobId id, String site) {
    if (queue.get(id).isPresent()
        && excludedSites.computeIfAbsent(id, j -> new TreeSet<>()).add(site)) {
      reindex(id, true);
    }
  }

  /**
   * The negotiator matched {@code job} to a slot: claim it. When the job is no longer runnable,
   * another idle job of the same owner that the slot matches takes its place; with none, the
   * match is given back.
   */
  public void matchFound(JobId job, SlotMatch slot) {
    if (matches.containsKey(slot.slot())) {
      return;
    }
    Optional<Job> candidate = queue.get(job).filter(this::runnable);
    if (candidate.isEmpty()) {
      String owner = queue.get(job).map(Job::owner).orElse(null);
      candidate = owner == null ? Optional.empty() : runnableFor(owner, slot.slotAd());
    }
    if (candidate.isEmpty()) {
      port.emit(new ScheddEffect.ReleaseClaim(slot.slot()));
      return;
    }
    Job chosen = candidate.get();
    Match match = new Match(slot.slot(), slot.slotAd(), chosen.owner());
    match.job = chosen.id();
    matches.put(slot.slot(), match);
    bind(chosen.id(), slot.slot());
    port.emit(new ScheddEffect.RequestClaim(slot.slot(), chosen.id(),
        chosen.toClassAd(clock.instant())));
  }

  /** The startd answered a claim request: accepted claims wait in the start queue. */
  public void claimResponse(String slot, boolean accepted) {
    Match match = matches.get(slot);
    if (match == null || match.claimed) {
      return;
    }
    if (!accepted) {
      matches.remove(slot);
      unbind(match.job);
      return;
    }
    match.claimed = true;
    startQueue.enqueue(slot);
  }

  /** The starter began executing the job: 001 and {@code NumJobStarts} + 1. */
  public void jobStarted(JobId job, String slot, String executeHost) {
    Shadow shadow = shadows.get(job);
    if (shadow == null || !shadow.slot.equals(slot) || shadow.executing) {
      return;
    }
    shadow.executing = true;
    Instant now = clock.instant();
    record(new JobQueueEvent.JobBeganExecution(now, job));
    log(new JobEvent.Execute(job, now, executeHost, Optional.of(slot)));
  }

  /** The job's run on {@code slot} ended: the schedd's reaction to its shadow's exit. */
  public void jobExited(JobId id, String slot, ShadowOutcome outcome) {
    Shadow shadow = shadows.get(id);
    if (shadow == null || !shadow.slot.equals(slot)) {
      return;
    }
    shadows.remove(id);
    unbind(id);
    stopQueue.remove(id);
    Match match = matches.get(slot);
    if (match != null) {
      match.job = null;
    }
    Job job = queue.get(id).orElseThrow();
    Instant now = clock.instant();
    boolean keepClaim = true;
    if (outcome instanceof ShadowOutcome.Completed c) {
      record(new JobQueueEvent.JobCompleted(now, id, c.normal(), c.exitValue()));
      log(new JobEvent.Terminated(id, now, c.normal(), c.exitValue(), Optional.empty(),
          c.remoteUsage(), CpuUsage.NONE, c.remoteUsage(), CpuUsage.NONE, 0, 0, 0, 0, List.of()));
      record(new JobQueueEvent.JobLeftQueue(now, id));
    } else if (job.status() == JobStatus.REMOVED) {
      log(new JobEvent.Aborted(id, now, Optional.ofNullable(removeReasons.remove(id))));
      record(new JobQueueEvent.JobLeftQueue(now, id));
    } else if (job.status() == JobStatus.HELD) {
      Hold hold = job.hold().orElseThrow();
      log(new JobEvent.Held(id, now, Optional.of(hold.reason()), hold.code().code(),
          hold.subcode()));
    } else if (outcome instanceof ShadowOutcome.ShouldHold h) {
      record(new JobQueueEvent.JobHeld(now, id, h.hold()));
      log(new JobEvent.Held(id, now, Optional.of(h.hold().reason()), h.hold().code().code(),
          h.hold().subcode()));
    } else if (outcome instanceof ShadowOutcome.Excepted e) {
      record(new JobQueueEvent.JobRequeued(now, id, true));
      log(new JobEvent.ShadowException(id, now, e.message(), 0, 0));
      if (match != null) {
        match.exceptions++;
        keepClaim = match.exceptions < config.maxShadowExceptions();
      }
    } else if (outcome instanceof ShadowOutcome.Requeued r) {
      record(new JobQueueEvent.JobRequeued(now, id, false));
      log(new JobEvent.Evicted(id, now, false, CpuUsage.NONE, CpuUsage.NONE, 0, 0,
          Optional.of(r.reason())));
      keepClaim = false;
    } else {
      // JOB_NOT_STARTED, or a kill for a job that is no longer removed or held.
      record(new JobQueueEvent.JobRequeued(now, id, false));
      keepClaim = false;
    }
    if (match != null) {
      if (keepClaim) {
        reuseClaim(match);
      } else {
        releaseClaim(match);
      }
    }
    startQueue.resume();
  }

  /** The named timer fired. */
  public void timerFired(ScheddTimer timer) {
    switch (timer) {
      case START_QUEUE -> startQueue.onTimer();
      case STOP_QUEUE -> stopQueue.onTimer();
      case PERIODIC_EXPRS -> {
        evaluatePeriodicExpressions();
        port.startTimer(ScheddTimer.PERIODIC_EXPRS, config.periodicExprInterval());
      }
    }
  }

  // ---------------------------------------------------------------- queries

  public Optional<Job> job(JobId id) {
    return queue.get(id);
  }

  /** The jobs in queue order; a read-only view. */
  public Collection<Job> jobs() {
    return queue.jobs();
  }

  /** Jobs with a shadow: started on a claim and not yet reported gone. */
  public int runningShadows() {
    return shadows.size();
  }

  /** Shadow records in queue order. */
  public List<ShadowRecord> shadowRecords() {
    List<Shadow> ordered = new ArrayList<>(shadows.values());
    ordered.sort(Comparator.comparing(s -> s.job, JobQueue.ORDER));
    List<ShadowRecord> out = new ArrayList<>(ordered.size());
    for (Shadow s : ordered) {
      Match m = matches.get(s.slot);
      out.add(new ShadowRecord(s.job, s.slot, s.started, s.executing, s.killSent,
          m == null ? 0 : m.exceptions));
    }
    return out;
  }

  /** Kills waiting in the action queue. */
  public int pendingKills() {
    return stopQueue.size();
  }

  /** Claims the schedd holds or is requesting. */
  public int claims() {
    return matches.size();
  }

  /**
   * One shadow as the schedd sees it.
   *
   * @param matchExceptions shadow exceptions so far on this job's match (claim)
   */
  public record ShadowRecord(JobId job, String slot, Instant started, boolean executing,
      boolean killSent, int matchExceptions) {}

  // ---------------------------------------------------------------- internals

  private List<Job> selected(JobSelector selector) {
    Instant now = clock.instant();
    List<Job> out = new ArrayList<>();
    for (Job job : queue.jobs()) {
      if (selector.selects(job, now)) {
        out.add(job);
      }
    }
    return out;
  }

  private void removeJob(Job job, String reason) {
    Instant now = clock.instant();
    record(new JobQueueEvent.JobRemoved(now, job.id(), reason));
    if (shadows.containsKey(job.id())) {
      removeReasons.put(job.id(), reason);
      stopQueue.enqueue(job.id());
      return;
    }
    unbindPendingMatch(job.id());
    log(new JobEvent.Aborted(job.id(), now, Optional.of(reason)));
    record(new JobQueueEvent.JobLeftQueue(now, job.id()));
  }

  private void holdJob(Job job, Hold hold) {
    Instant now = clock.instant();
    record(new JobQueueEvent.JobHeld(now, job.id(), hold));
    if (shadows.containsKey(job.id())) {
      stopQueue.enqueue(job.id());
      return;
    }
    unbindPendingMatch(job.id());
    log(new JobEvent.Held(job.id(), now, Optional.of(hold.reason()), hold.code().code(),
        hold.subcode()));
  }

  private void releaseJob(Job job, String reason) {
    Instant now = clock.instant();
    record(new JobQueueEvent.JobReleased(now, job.id(), reason));
    log(new JobEvent.Released(job.id(), now, Optional.of(reason)));
  }

  // A job matched but not yet started: the start queue will find it not runnable and look for
  // another job for the claim, so only the binding goes here.
  private void unbindPendingMatch(JobId id) {
    unbind(id);
  }

  private void bind(JobId id, String slot) {
    matchedJobs.put(id, slot);
    reindex(id, false);
  }

  private void unbind(JobId id) {
    if (matchedJobs.remove(id) != null) {
      reindex(id, false);
    }
  }

  /**
   * Brings the job's idle entry up to date: in the index while idle and unmatched, its ad rebuilt
   * when {@code changed}.
   */
  private void reindex(JobId id, boolean changed) {
    reindex(id, queue.get(id).orElse(null), changed);
  }

  /** {@link #reindex(JobId, boolean)} with the job as it is now, or null once it left the queue. */
  private void reindex(JobId id, Job job, boolean changed) {
    if (job == null || job.status() != JobStatus.IDLE || matchedJobs.containsKey(id)) {
      idle.remove(id);
      if (job == null) {
        excludedSites.remove(id);
        withPolicies.remove(id);
      }
      return;
    }
    if (changed || !idle.contains(id)) {
      TreeSet<String> avoid = excludedSites.get(id);
      idle.put(id, job.owner(), job.toClassAd(clock.instant()),
          avoid == null ? List.of() : List.copyOf(avoid));
    }
  }

  private boolean runnable(Job job) {
    return job.status() == JobStatus.IDLE && !matchedJobs.containsKey(job.id());
  }

  private Optional<Job> runnableFor(String owner, ClassAd slotAd) {
    return idle.first(owner, clock.instant(), ad -> ClassAd.matches(ad, slotAd))
        .flatMap(queue::get);
  }

  /** The claim is free again: give it the next runnable job of its owner, or give it back. */
  private void reuseClaim(Match match) {
    Optional<Job> next = runnableFor(match.owner, match.slotAd);
    if (next.isEmpty()) {
      releaseClaim(match);
      return;
    }
    match.job = next.get().id();
    bind(match.job, match.slot);
    startQueue.enqueue(match.slot);
  }

  private void releaseClaim(Match match) {
    matches.remove(match.slot);
    if (match.job != null) {
      unbind(match.job);
    }
    startQueue.remove(match.slot);
    port.emit(new ScheddEffect.ReleaseClaim(match.slot));
  }

  /** Start-queue handler: spawn the shadow for the claim's job, unless MAX_JOBS_RUNNING. */
  private boolean startShadow(String slot) {
    Match match = matches.get(slot);
    if (match == null) {
      return true;
    }
    // The job may have been held, removed or (after a release) bound to another claim meanwhile.
    Optional<Job> job = match.job == null || !slot.equals(matchedJobs.get(match.job))
        ? Optional.empty() : queue.get(match.job).filter(j -> j.status() == JobStatus.IDLE);
    if (job.isEmpty()) {
      if (match.job != null && slot.equals(matchedJobs.get(match.job))) {
        unbind(match.job);
      }
      match.job = null;
      Optional<Job> next = runnableFor(match.owner, match.slotAd);
      if (next.isEmpty()) {
        releaseClaim(match);
        return true;
      }
      match.job = next.get().id();
      bind(match.job, slot);
      job = next;
    }
    if (shadows.size() >= config.maxJobsRunning()) {
      return false;
    }
    Instant now = clock.instant();
    Job started = record(new JobQueueEvent.JobActivated(now, match.job, slot));
    shadows.put(match.job, new Shadow(match.job, slot, now));
    port.emit(new ScheddEffect.ActivateClaim(slot, started));
    return true;
  }

  /** Stop-queue handler: ask the starter to kill the job, as its status now says. */
  private boolean sendKill(JobId id) {
    Shadow shadow = shadows.get(id);
    Optional<Job> job = queue.get(id);
    if (shadow == null || job.isEmpty() || shadow.killSent) {
      return true;
    }
    KillReason reason = switch (job.get().status()) {
      case REMOVED -> KillReason.REMOVE;
      case HELD -> KillReason.HOLD;
      default -> null;
    };
    if (reason != null) {
      shadow.killSent = true;
      port.emit(new ScheddEffect.KillJob(shadow.slot, id, reason));
    }
    return true;
  }

  /**
   * HTCondor's periodic policy, in its order: a job not held may be held (its PeriodicHold, then
   * SYSTEM_PERIODIC_HOLD); a held job may be released (PeriodicRelease, then
   * SYSTEM_PERIODIC_RELEASE); then any job may be removed (PeriodicRemove, then
   * SYSTEM_PERIODIC_REMOVE). The first that fires wins. A job expression that evaluates to
   * UNDEFINED holds the job with code 5; a system expression that does fires nothing.
   */
  private void evaluatePeriodicExpressions() {
    Instant now = clock.instant();
    boolean systemPolicy = config.systemPeriodicHold().isPresent()
        || config.systemPeriodicRelease().isPresent() || config.systemPeriodicRemove().isPresent();
    List<Job> candidates = new ArrayList<>();
    if (systemPolicy) {
      candidates.addAll(queue.jobs());
    } else {
      withPolicies.forEach(id -> queue.get(id).ifPresent(candidates::add));
    }
    for (Job job : candidates) {
      if (job.status() == JobStatus.REMOVED || job.status() == JobStatus.COMPLETED
          || (!systemPolicy && job.policies().equals(JobPolicies.NONE))) {
        continue;
      }
      Shadow shadow = shadows.get(job.id());
      if (shadow != null && job.status() != JobStatus.RUNNING) {
        continue;
      }
      ClassAd ad = job.toClassAd(now);
      JobPolicies own = job.policies();
      if (job.status() != JobStatus.HELD) {
        Firing hold = fire(ad, "PeriodicHold", own.periodicHold(), "SYSTEM_PERIODIC_HOLD",
            config.systemPeriodicHold());
        if (hold != null) {
          holdJob(job, hold.hold(ad));
          continue;
        }
      } else {
        Firing release = fire(ad, "PeriodicRelease", own.periodicRelease(),
            "SYSTEM_PERIODIC_RELEASE", config.systemPeriodicRelease());
        if (release != null) {
          if (release.undefined) {
            continue;
          }
          releaseJob(job, release.reason());
          continue;
        }
      }
      Firing remove = fire(ad, "PeriodicRemove", own.periodicRemove(), "SYSTEM_PERIODIC_REMOVE",
          config.systemPeriodicRemove());
      if (remove != null) {
        if (remove.undefined) {
          if (job.status() != JobStatus.HELD) {
            holdJob(job, remove.hold(ad));
          }
        } else {
          removeJob(job, remove.reason());
        }
      }
    }
  }

  private static Firing fire(ClassAd ad, String attribute, Optional<Expr> own, String knob,
      Optional<Expr> system) {
    if (own.isPresent()) {
      PolicyValue v = PolicyValue.of(own.get().evaluate(ad, null));
      if (v != PolicyValue.FALSE) {
        return new Firing(true, attribute, own.get(), v == PolicyValue.UNDEFINED);
      }
    }
    if (system.isPresent()
        && PolicyValue.of(system.get().evaluate(ad, null)) == PolicyValue.TRUE) {
      return new Firing(false, knob, system.get(), false);
    }
    return null;
  }

  /** Which policy expression fired, for HTCondor's hold code and reason text. */
  private record Firing(boolean jobAttribute, String name, Expr expr, boolean undefined) {
    /** HTCondor's FiringReason text. */
    String reason() {
      return "The " + (jobAttribute ? "job attribute " : "system macro ") + name
          + " expression '" + expr + "' evaluated to " + (undefined ? "UNDEFINED" : "TRUE");
    }

    /**
     * The hold this firing gives: code 3 (job attribute) or 26 (system), 5 when undefined; the
     * job's {@code <attr>SubCode} and {@code <attr>Reason} attributes override the defaults.
     */
    Hold hold(ClassAd ad) {
      if (undefined) {
        return new Hold(HoldReasonCode.JOB_POLICY_UNDEFINED, 0, reason());
      }
      if (!jobAttribute) {
        return new Hold(HoldReasonCode.SYSTEM_POLICY, 0, reason());
      }
      var subcode = ad.evaluate(name + "SubCode");
      var text = ad.evaluate(name + "Reason");
      return new Hold(HoldReasonCode.JOB_POLICY,
          subcode.isInteger() ? (int) subcode.asLong() : 0,
          text.isString() && !text.asString().isEmpty() ? text.asString() : reason());
    }
  }

  private Job record(JobQueueEvent event) {
    Job job = queue.apply(event);
    if (event instanceof JobQueueEvent.JobSubmitted s
        && !s.submitted().policies().equals(JobPolicies.NONE)) {
      withPolicies.add(s.job());
    }
    // A run starting, going on or completing concerns a matched job, which the index never
    // holds; every other change reindexes the job as it is now, not looked up again.
    if (!(event instanceof JobQueueEvent.JobActivated
        || event instanceof JobQueueEvent.JobBeganExecution
        || event instanceof JobQueueEvent.JobCompleted)) {
      reindex(event.job(), event instanceof JobQueueEvent.JobLeftQueue ? null : job, true);
    }
    port.emit(new ScheddEffect.QueueChanged(event));
    return job;
  }

  private void log(JobEvent event) {
    port.emit(new ScheddEffect.UserLog(event));
  }

  /** A claim: the slot, its ad, the owner it was matched for, and its exception count. */
  private static final class Match {
    final String slot;
    final ClassAd slotAd;
    final String owner;
    JobId job;
    boolean claimed;
    int exceptions;

    Match(String slot, ClassAd slotAd, String owner) {
      this.slot = slot;
      this.slotAd = slotAd;
      this.owner = owner;
    }
  }

  /** HTCondor's shadow record: which job runs on which claim since when. */
  private static final class Shadow {
    final JobId job;
    final String slot;
    final Instant started;
    boolean executing;
    boolean killSent;

    Shadow(JobId job, String slot, Instant started) {
      this.job = job;
      this.slot = slot;
      this.started = started;
    }
  }
}
