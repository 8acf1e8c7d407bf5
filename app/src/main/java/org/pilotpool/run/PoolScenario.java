package org.pilotpool.run;

import com.typesafe.config.Config;
import com.typesafe.config.ConfigList;
import com.typesafe.config.ConfigObject;
import com.typesafe.config.ConfigUtil;
import com.typesafe.config.ConfigValue;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.pilotpool.authz.BanTarget;
import org.pilotpool.authz.ServiceTimeDistribution;
import org.pilotpool.authz.OutageWindow;
import org.pilotpool.authz.SiteAuthzConfig;
import org.pilotpool.glexec.sim.CredentialSemantics;
import org.pilotpool.glexec.sim.SimGlexecConfig;
import org.pilotpool.model.classad.Expr;
import org.pilotpool.model.config.Section;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.model.retry.HtcondorRetryConfig;
import org.pilotpool.negotiator.NegotiatorSettings;
import org.pilotpool.pool.PoolAction;
import org.pilotpool.pool.PoolSpec;
import org.pilotpool.model.glidein.GlexecBin;
import org.pilotpool.pool.Provisioning;
import org.pilotpool.pilot.PilotTimes;
import org.pilotpool.pool.ScheduledAction;
import org.pilotpool.pool.SiteSpec;
import org.pilotpool.schedd.JobSelector;
import org.pilotpool.schedd.JobSubmission;
import org.pilotpool.schedd.ScheddConfig;
import org.pilotpool.startd.StartdConfig;
import org.pilotpool.starter.StarterConfig;

/**
 * Reads a checked scenario of the pool model ({@code pilotpool.scenario.model = pool}) into a
 * {@link PoolSpec}: its sites, its users' proxies, its workload as submissions and its timeline as
 * scheduled actions, with the daemons' knobs. A contradiction the format alone cannot catch (a job
 * no slot can hold, a timeline entry naming an unknown user or site, an event after the end) is
 * an error naming the file, line and key.
 */
public final class PoolScenario {
  private static final java.util.regex.Pattern ELEMENT =
      java.util.regex.Pattern.compile("\"([a-z-]+\\[[0-9]+\\])\"");

  private PoolScenario() {}

  /** The pool {@code settings} describe; its authz statistics are taken a second before the end. */
  public static PoolSpec read(ScenarioSettings settings) {
    try {
      return readChecked(settings);
    } catch (BadInputException e) {
      // A list element is read at the quoted path pilotpool."workload[0]"; name it as the
      // format check does, pilotpool.workload[0].
      String key = e.key().orElse("");
      String plain = ELEMENT.matcher(key).replaceAll("$1");
      if (plain.equals(key)) {
        throw e;
      }
      throw new BadInputException(e.source().orElse(null), e.line(), plain, e.problem(), e);
    }
  }

  private static PoolSpec readChecked(ScenarioSettings settings) {
    Config config = settings.config();
    Instant start = settings.start();
    Duration end = settings.duration();
    Map<String, SiteSpec> sites = new TreeMap<>();
    for (Map.Entry<String, Entry> e : entries(config, "sites").entrySet()) {
      sites.put(e.getKey(), site(e.getKey(), e.getValue(), start, end));
    }
    Map<String, ProxyCredential> users = new TreeMap<>();
    for (Map.Entry<String, Entry> e : entries(config, "users").entrySet()) {
      users.put(e.getKey(), proxy(e.getKey(), e.getValue(), start));
    }
    Section pilot = Section.of(config, "pilotpool.pilot");
    ProxyCredential pilotProxy = new ProxyCredential("/tmp/x509up_pilot",
        nonBlank(pilot, "dn"), List.of(nonBlank(pilot, "fqan")),
        start.plus(pilot.duration("proxy-lifetime", Duration.ofDays(4), Duration.ofSeconds(1))));
    long largestSlot = sites.values().stream().mapToLong(SiteSpec::memoryPerSlotMb).max().orElse(0);

    List<ScheduledAction> actions = new ArrayList<>();
    for (Entry element : elements(config, "workload")) {
      Section job = element.section();
      String user = known(job, "user", users.keySet());
      long memory = job.integer("memory", 1024, 1);
      if (memory > largestSlot) {
        throw job.bad("memory", "no slot has " + memory + " MB; the largest has " + largestSlot + " MB");
      }
      JobSubmission submission = JobSubmission.of(user, job.integer("count", 1, 1),
          Optional.of(users.get(user)), 1, memory, requirements(job),
          new JobProfile(job.duration("run-time", Duration.ofHours(1), Duration.ZERO),
              job.integer("processes", 1, 1)));
      actions.add(new ScheduledAction(at(job, end), new PoolAction.Submit(submission)));
    }
    for (Entry element : elements(config, "timeline")) {
      Section entry = element.section();
      actions.add(new ScheduledAction(at(entry, end), timelineAction(entry, users, sites)));
    }
    return new PoolSpec(ScheddConfig.defaults(), NegotiatorSettings.defaults(),
        StartdConfig.defaults(), StarterConfig.defaults(), HtcondorRetryConfig.defaults(),
        List.copyOf(sites.values()), pilotProxy, actions, end.minusSeconds(1))
        .withKnobsFrom(config);
  }

  /**
   * The job's Requirements, parsed here so that a typo fails the scenario at its line rather than
   * each submit in the run (where the schedd would reject it, as condor_submit does).
   */
  private static String requirements(Section job) {
    String text = job.string("requirements", "true");
    try {
      Expr.parse("Requirements", text);
    } catch (BadInputException e) {
      throw job.bad("requirements", "not a ClassAd expression: " + e.problem());
    }
    return text;
  }

  /** The site's authz outage windows, {@code [ { from, to } ... ]} from the run's start. */
  private static List<OutageWindow> outages(Entry site, Instant start, Duration end) {
    String listPath = site.path() + ".authz.outages";
    if (!site.config().hasPath(listPath)) {
      return List.of();
    }
    ConfigList list = site.config().getList(listPath);
    List<OutageWindow> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = site.path() + ".authz." + ConfigUtil.joinPath("outages[" + i + "]");
      if (list.get(i).valueType() != com.typesafe.config.ConfigValueType.OBJECT) {
        throw new BadInputException(null, Math.max(0, list.get(i).origin().lineNumber()), path,
            "expected { from = ..., to = ... }");
      }
      Section o = Section.of(((ConfigObject) list.get(i)).toConfig().atPath(path), path);
      for (String key : List.of("from", "to")) {
        if (!o.has(key)) {
          throw new BadInputException(null, Math.max(0, list.get(i).origin().lineNumber()),
              path + "." + key, "an outage needs from and to");
        }
      }
      Duration from = o.duration("from", Duration.ZERO, Duration.ZERO);
      Duration to = o.duration("to", Duration.ZERO, Duration.ZERO);
      if (to.compareTo(from) <= 0) {
        throw o.bad("to", "an outage must end after it starts (from " + from + ")");
      }
      if (to.compareTo(end) > 0) {
        throw o.bad("to", "the outage ends after the simulation (" + end + ")");
      }
      out.add(new OutageWindow(start.plus(from), start.plus(to)));
    }
    return out;
  }

  private static SiteSpec site(String name, Entry entry, Instant start, Duration end) {
    Section s = entry.section();
    Section authz = entry.sub("authz");
    Section glexec = entry.sub("glexec");
    SiteAuthzConfig authzConfig;
    try {
      // Fallbacks only for completeness: every entry reads over its template in application.conf.
      SiteAuthzConfig d = SiteAuthzConfig.defaults();
      authzConfig = SiteAuthzConfig.builder()
          .workers(authz.integer("workers", d.workers(), 1))
          .queueCapacity(authz.integer("queue", d.queueCapacity(), 0))
          .serviceTime(new ServiceTimeDistribution.Exponential(
              authz.duration("service-time-mean", d.serviceTime().mean(), Duration.ofNanos(1))))
          .requestTimeout(authz.duration("timeout", d.requestTimeout(), Duration.ofNanos(1)))
          .cacheEntries(authz.integer("cache-entries", d.cacheEntries(), 0))
          .cacheTtl(authz.duration("cache-ttl", d.cacheTtl(), Duration.ZERO))
          .banPropagationDelay(authz.duration("ban-propagation-delay", d.banPropagationDelay(), Duration.ZERO))
          .defaultPoolSize(authz.integer("default-pool-size", d.defaultPoolSize(), 0))
          .requirePilotCredential(authz.bool("require-pilot-credential", d.requirePilotCredential()))
          .statsBucket(authz.duration("stats-bucket", d.statsBucket(), Duration.ofNanos(1)))
          .outages(outages(entry, start, end))
          .build();
    } catch (IllegalArgumentException e) {
      throw new BadInputException(null, 0, entry.path() + ".authz", e.getMessage(), e);
    }
    SimGlexecConfig glexecConfig;
    try {
      SimGlexecConfig d = SimGlexecConfig.defaults();
      glexecConfig = new SimGlexecConfig(
          glexec.choice("credential-semantics", CredentialSemantics.class, d.semantics()),
          d.localLatency(), glexec.bool("linger", d.linger()),
          glexec.bool("linger-pipe-hang", d.lingerPipeHang()),
          glexec.bool("x509-user-proxy-bug", d.x509UserProxyBug()),
          glexec.decimal("broken-node-fraction", d.brokenNodeFraction(), 0), List.of());
    } catch (BadInputException e) {
      String key = e.key().map(k -> k.substring(k.lastIndexOf('.') + 1)).orElse("linger");
      throw glexec.bad(key, e.problem());
    }
    SiteSpec site = new SiteSpec(name, s.integer("nodes", 1, 1), s.integer("slots-per-node", 1, 1),
        s.integer("memory-per-slot", 2048, 1), authzConfig, glexecConfig);
    String provisioning = s.string("provisioning", "static");
    switch (provisioning) {
      case "static" -> {
        return site;
      }
      case "pilots" -> {
        Section p = entry.sub("pilot");
        PilotTimes times = PilotTimes.of(p.duration("max-walltime", Duration.ofHours(12), Duration.ofMinutes(1)),
            p.duration("retire-time", Duration.ofHours(10), PilotTimes.MIN_RETIRE_TIME));
        GlexecBin bin = switch (p.choice("glexec-bin", GlexecBin.Kind.class, GlexecBin.Kind.OSG)) {
          case NONE -> GlexecBin.NONE;
          case OSG -> GlexecBin.OSG;
          case GLITE -> GlexecBin.GLITE;
          case AUTO -> GlexecBin.AUTO;
          case PATH -> throw p.bad("glexec-bin", "a path is for real worker nodes; expected none, osg, glite or auto");
        };
        return new SiteSpec(name, site.nodes(), 0, site.memoryPerSlotMb(), authzConfig, glexecConfig)
            .withPilots(Provisioning.Pilots.osg(p.integer("slots", 1, 1), times).withGlexecBin(bin));
      }
      default -> throw s.bad("provisioning", "expected static or pilots, got \"" + provisioning + "\"");
    }
  }

  /** A job named as HTCondor names it: {@code cluster.proc}. */
  private static JobId jobId(Section t) {
    String text = nonBlank(t, "job");
    java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)\\.(\\d+)").matcher(text.trim());
    if (!m.matches()) {
      throw t.bad("job", "expected a job id cluster.proc such as 1.0, got \"" + text + "\"");
    }
    return JobId.of(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
  }

  private static ProxyCredential proxy(String name, Entry entry, Instant start) {
    Section u = entry.section();
    List<String> fqans = entry.strings("fqans");
    if (fqans.isEmpty()) {
      throw u.bad("fqans", "a VOMS proxy needs at least one FQAN");
    }
    return new ProxyCredential("/tmp/x509up_" + name, nonBlank(u, "dn"), fqans,
        start.plus(u.duration("proxy-lifetime", Duration.ofDays(2), Duration.ofSeconds(1))));
  }

  private static PoolAction timelineAction(Section t, Map<String, ProxyCredential> users,
      Map<String, SiteSpec> sites) {
    String action = t.string("action", "");
    List<String> targets = new ArrayList<>();
    for (String k : List.of("user", "dn", "fqan", "vo")) {
      if (t.has(k)) {
        targets.add(k);
      }
    }
    switch (action) {
      case "rm", "hold", "release" -> {
        if (!targets.equals(List.of("user"))) {
          throw t.bad("action", action + " acts on one user's jobs: give user and no dn, fqan or vo");
        }
        if (t.has("site")) {
          throw t.bad("site", action + " acts on the schedd's queue, not on a site");
        }
        JobSelector owner = new JobSelector.ByOwner(known(t, "user", users.keySet()));
        String reason = "via the scenario timeline";
        return switch (action) {
          case "rm" -> new PoolAction.Remove(owner, reason);
          case "hold" -> new PoolAction.Hold(owner, reason);
          default -> new PoolAction.Release(owner, reason);
        };
      }
      case "ban", "unban" -> {
        String site = known(t, "site", sites.keySet());
        if (targets.size() != 1) {
          throw t.bad("action", action + " needs exactly one of user, dn, fqan or vo, got "
              + (targets.isEmpty() ? "none" : String.join(", ", targets)));
        }
        BanTarget target = switch (targets.get(0)) {
          case "user" -> BanTarget.dn(users.get(known(t, "user", users.keySet())).identity());
          case "dn" -> BanTarget.dn(nonBlank(t, "dn"));
          case "fqan" -> BanTarget.fqan(nonBlank(t, "fqan"));
          default -> BanTarget.vo(nonBlank(t, "vo"));
        };
        return action.equals("ban") ? new PoolAction.Ban(site, target)
            : new PoolAction.Unban(site, target);
      }
      case "delegate" -> {
        // A re-delegated proxy for one of the user's jobs, with the identity dn (which HTCondor
        // does not check against the old one).
        ProxyCredential old = users.get(known(t, "user", users.keySet()));
        ProxyCredential renewed = new ProxyCredential(old.location(), nonBlank(t, "dn"),
            old.fqans(), old.notAfter());
        return new PoolAction.DelegateProxy(jobId(t), renewed);
      }
      default -> throw t.bad("action",
          "expected one of rm, hold, release, ban, unban, delegate, got \"" + action + "\"");
    }
  }

  private static Duration at(Section s, Duration end) {
    Duration at = s.duration("at", Duration.ZERO, Duration.ZERO);
    if (at.compareTo(end) >= 0) {
      throw s.bad("at", "after the simulation's end (pilotpool.simulation.duration = "
          + Durations.human(end) + ")");
    }
    return at;
  }

  private static String known(Section s, String key, java.util.Set<String> names) {
    String name = s.string(key, "");
    if (!names.contains(name)) {
      throw s.bad(key, "unknown name \"" + name + "\"; known: "
          + (names.isEmpty() ? "none" : String.join(", ", names)));
    }
    return name;
  }

  private static String nonBlank(Section s, String key) {
    String v = s.string(key, "");
    if (v.isBlank()) {
      throw s.bad(key, "must not be empty");
    }
    return v;
  }

  /** The entries of the open map {@code pilotpool.<key>}, each over its template, by name. */
  private static Map<String, Entry> entries(Config config, String key) {
    Config template = config.getConfig("pilotpool." + key + "-template");
    Map<String, Entry> out = new TreeMap<>();
    for (Map.Entry<String, ConfigValue> e : new TreeMap<>(config.getObject("pilotpool." + key)).entrySet()) {
      String path = ConfigUtil.joinPath("pilotpool", key, e.getKey());
      out.put(e.getKey(), over(((ConfigObject) e.getValue()).toConfig(), template, path));
    }
    return out;
  }

  /** The elements of the list {@code pilotpool.<key>}, each over its template. */
  private static List<Entry> elements(Config config, String key) {
    Config template = config.getConfig("pilotpool." + key + "-template");
    ConfigList list = config.getList("pilotpool." + key);
    List<Entry> out = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      String path = ConfigUtil.joinPath("pilotpool", key + "[" + i + "]");
      out.add(over(((ConfigObject) list.get(i)).toConfig(), template, path));
    }
    return out;
  }

  private static Entry over(Config entry, Config template, String path) {
    return new Entry(entry.withFallback(template).atPath(path), path);
  }

  /** One entry of an open map or element of a list, its template behind it, at its own path. */
  private record Entry(Config config, String path) {
    Section section() {
      return Section.of(config, path);
    }

    Section sub(String key) {
      return Section.of(config, path + "." + key);
    }

    List<String> strings(String key) {
      return config.getStringList(path + "." + key);
    }
  }
}
