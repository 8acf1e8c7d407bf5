package org.pilotpool.model.job;

import java.time.Instant;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.TreeMap;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;

/**
 * One job in the schedd's queue, immutable: the attributes HTCondor keeps in the job ad that the
 * pool's decisions read, plus the simulated payload's {@link JobProfile}.
 *
 * @param qDate submit time ({@code QDate})
 * @param enteredCurrentStatus when {@code status} last changed ({@code EnteredCurrentStatus})
 * @param hold present exactly when the job is held
 * @param numJobStarts how often the job began executing ({@code NumJobStarts})
 * @param numShadowExceptions how often its shadow excepted ({@code NumShadowExceptions})
 * @param requestMemory in MB ({@code RequestMemory})
 * @param requirements the job's {@code Requirements}, parsed at submit
 * @param attributes further attributes set with {@code condor_qedit}-style updates, by name in any
 *     case; never one of the attributes this record carries itself
 */
public record Job(
    JobId id,
    String owner,
    Instant qDate,
    JobStatus status,
    Instant enteredCurrentStatus,
    Optional<Hold> hold,
    int numJobStarts,
    int numShadowExceptions,
    Optional<ProxyCredential> proxy,
    Optional<X509Attributes> x509,
    int requestCpus,
    long requestMemory,
    Expr requirements,
    Optional<Expr> rank,
    JobPolicies policies,
    JobProfile profile,
    SortedMap<String, Expr> attributes) {

  /** The attribute names a job ad gets from the record itself (lower case). */
  public static final Set<String> OWN_ATTRIBUTES = Set.of(
      "clusterid", "procid", "owner", "qdate", "jobstatus", "enteredcurrentstatus",
      "holdreasoncode", "holdreasonsubcode", "holdreason", "numjobstarts", "numshadowexceptions",
      "x509userproxy", "x509userproxysubject", "x509userproxyvoname", "x509userproxyfirstfqan",
      "x509userproxyfqan", "x509userproxyexpiration", "requestcpus", "requestmemory",
      "requirements", "rank", "periodichold", "periodicrelease", "periodicremove", "jobuniverse",
      "currenttime");

  /** HTCondor's vanilla universe: every payload job in the pool. */
  public static final int VANILLA_UNIVERSE = 5;

  public Job {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(owner, "owner");
    Objects.requireNonNull(qDate, "qDate");
    Objects.requireNonNull(status, "status");
    Objects.requireNonNull(enteredCurrentStatus, "enteredCurrentStatus");
    Objects.requireNonNull(hold, "hold");
    Objects.requireNonNull(proxy, "proxy");
    Objects.requireNonNull(x509, "x509");
    Objects.requireNonNull(requirements, "requirements");
    Objects.requireNonNull(rank, "rank");
    Objects.requireNonNull(policies, "policies");
    Objects.requireNonNull(profile, "profile");
    Objects.requireNonNull(attributes, "attributes");
    if (hold.isPresent() != (status == JobStatus.HELD)) {
      throw new IllegalArgumentException(
          "job " + id.clusterProc() + ": a hold reason goes with status HELD and only with it");
    }
    if (attributes.isEmpty()) {
      // Most jobs set no attributes of their own, and every change of status copies the job.
      attributes = NO_ATTRIBUTES;
    } else {
      for (String name : attributes.keySet()) {
        if (OWN_ATTRIBUTES.contains(name.toLowerCase(Locale.ROOT))) {
          throw new IllegalArgumentException("attribute " + name + " is kept by the job itself");
        }
      }
      TreeMap<String, Expr> copy = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
      copy.putAll(attributes);
      attributes = Collections.unmodifiableSortedMap(copy);
    }
  }

  private static final SortedMap<String, Expr> NO_ATTRIBUTES =
      Collections.unmodifiableSortedMap(new TreeMap<>(String.CASE_INSENSITIVE_ORDER));

  /** A newly submitted, idle job. */
  public static Job submitted(JobId id, String owner, Instant qDate, Optional<ProxyCredential> proxy,
      int requestCpus, long requestMemory, Expr requirements, Optional<Expr> rank,
      JobPolicies policies, JobProfile profile) {
    return new Job(id, owner, qDate, JobStatus.IDLE, qDate, Optional.empty(), 0, 0, proxy,
        proxy.map(X509Attributes::of), requestCpus, requestMemory, requirements, rank, policies,
        profile, new TreeMap<>());
  }

  /** {@code HoldReasonCode}, when held. */
  public Optional<HoldReasonCode> holdReasonCode() {
    return hold.map(Hold::code);
  }

  /** {@code HoldReasonSubCode}, when held. */
  public Optional<Integer> holdReasonSubCode() {
    return hold.map(Hold::subcode);
  }

  /** {@code HoldReason}, when held. */
  public Optional<String> holdReason() {
    return hold.map(Hold::reason);
  }

  /** This job in another status (not HELD: see {@link #heldAt}), entered at {@code at}. */
  public Job withStatus(JobStatus newStatus, Instant at) {
    if (newStatus == JobStatus.HELD) {
      throw new IllegalArgumentException("a held job needs a hold reason: use heldAt");
    }
    return new Job(id, owner, qDate, newStatus, at, Optional.empty(), numJobStarts,
        numShadowExceptions, proxy, x509, requestCpus, requestMemory, requirements, rank, policies,
        profile, attributes);
  }

  /** This job held for {@code why} since {@code at}. */
  public Job heldAt(Hold why, Instant at) {
    return new Job(id, owner, qDate, JobStatus.HELD, at, Optional.of(why), numJobStarts,
        numShadowExceptions, proxy, x509, requestCpus, requestMemory, requirements, rank, policies,
        profile, attributes);
  }

  /** This job with its counters set. */
  public Job withCounters(int jobStarts, int shadowExceptions) {
    return new Job(id, owner, qDate, status, enteredCurrentStatus, hold, jobStarts,
        shadowExceptions, proxy, x509, requestCpus, requestMemory, requirements, rank, policies,
        profile, attributes);
  }

  /**
   * This job with a refreshed proxy: only {@code x509UserProxyExpiration} follows it; the
   * identity attributes stay as they were at submit, as HTCondor's shadow assumes.
   */
  public Job withRefreshedProxy(ProxyCredential refreshed) {
    Optional<X509Attributes> updated = Optional.of(x509
        .map(a -> a.withExpiration(refreshed.notAfter()))
        .orElseGet(() -> X509Attributes.of(refreshed)));
    return new Job(id, owner, qDate, status, enteredCurrentStatus, hold, numJobStarts,
        numShadowExceptions, Optional.of(refreshed), updated, requestCpus, requestMemory,
        requirements, rank, policies, profile, attributes);
  }

  /** This job with one further attribute bound (see {@link #attributes}). */
  public Job withAttribute(String name, Expr value) {
    TreeMap<String, Expr> more = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    more.putAll(attributes);
    more.remove(name);
    more.put(name, value);
    return new Job(id, owner, qDate, status, enteredCurrentStatus, hold, numJobStarts,
        numShadowExceptions, proxy, x509, requestCpus, requestMemory, requirements, rank, policies,
        profile, more);
  }

  /**
   * The job ad with HTCondor's attribute names, as {@code condor_q -l} would show it at
   * {@code now}; times are seconds since the epoch and {@code CurrentTime} is {@code now}, so
   * constraints and periodic policies see the injected clock.
   */
  public ClassAd toClassAd(Instant now) {
    ClassAd ad = new ClassAd(attributes.size() + 24);
    // Even an empty map's iterator is an object, and ads are built several times per job.
    if (!attributes.isEmpty()) {
      for (Map.Entry<String, Expr> e : attributes.entrySet()) {
        ad.insert(e.getKey(), e.getValue());
      }
    }
    ad.set("ClusterId", id.cluster());
    ad.set("ProcId", id.proc());
    ad.set("Owner", owner);
    ad.set("JobUniverse", VANILLA_UNIVERSE);
    ad.set("QDate", qDate.getEpochSecond());
    ad.set("JobStatus", status.code());
    ad.set("EnteredCurrentStatus", enteredCurrentStatus.getEpochSecond());
    hold.ifPresent(h -> {
      ad.set("HoldReasonCode", h.code().code());
      ad.set("HoldReasonSubCode", h.subcode());
      ad.set("HoldReason", h.reason());
    });
    ad.set("NumJobStarts", numJobStarts);
    ad.set("NumShadowExceptions", numShadowExceptions);
    proxy.ifPresent(p -> ad.set("x509userproxy", p.location()));
    x509.ifPresent(a -> {
      ad.set("x509userproxysubject", a.subject());
      a.voName().ifPresent(v -> ad.set("x509UserProxyVOName", v));
      a.firstFqan().ifPresent(v -> ad.set("x509UserProxyFirstFQAN", v));
      a.fqan().ifPresent(v -> ad.set("x509UserProxyFQAN", v));
      ad.set("x509UserProxyExpiration", a.expiration().getEpochSecond());
    });
    ad.set("RequestCpus", requestCpus);
    ad.set("RequestMemory", requestMemory);
    ad.insert("Requirements", requirements);
    rank.ifPresent(r -> ad.insert("Rank", r));
    policies.periodicHold().ifPresent(e -> ad.insert("PeriodicHold", e));
    policies.periodicRelease().ifPresent(e -> ad.insert("PeriodicRelease", e));
    policies.periodicRemove().ifPresent(e -> ad.insert("PeriodicRemove", e));
    ad.set("CurrentTime", now.getEpochSecond());
    return ad;
  }
}
