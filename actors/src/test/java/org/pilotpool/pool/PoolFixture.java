package org.pilotpool.pool;

import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.pilotpool.kernel.ProgressListener;
import org.pilotpool.kernel.Simulation;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.EventLogFormat;
import org.pilotpool.model.job.JobProfile;
import org.pilotpool.schedd.JobSubmission;

/** Shared pieces of the end-to-end pool tests. */
final class PoolFixture {
  private PoolFixture() {}

  static final Instant EPOCH = Instant.parse("2026-01-01T00:00:00Z");
  static final String ALICE = "/DC=org/DC=example/CN=alice";
  static final String BOB = "/DC=org/DC=example/CN=bob";
  static final String CMS = "/cms/Role=NULL/Capability=NULL";
  static final ProxyCredential PILOT = proxy("/DC=org/DC=example/CN=pilot",
      "/cms/Role=pilot/Capability=NULL", EPOCH.plus(Duration.ofDays(4)));

  static ProxyCredential proxy(String dn, String fqan, Instant notAfter) {
    String user = dn.substring(dn.lastIndexOf('=') + 1);
    return new ProxyCredential("/tmp/x509up_" + user, dn, List.of(fqan), notAfter);
  }

  static ProxyCredential longProxy(String dn) {
    return proxy(dn, CMS, EPOCH.plus(Duration.ofDays(2)));
  }

  static JobSubmission jobs(String owner, ProxyCredential proxy, int count, Duration runTime,
      int familySize) {
    return JobSubmission.of(owner, count, Optional.of(proxy), 1, 1024, "true",
        new JobProfile(runTime, familySize));
  }

  /** Runs the pool for {@code length} of virtual time (site stats a second before the end). */
  static PoolRecord run(PoolSpec spec, Duration length) {
    PoolRecord record = new PoolRecord(EventLogFormat.legacy(ZoneOffset.UTC));
    Simulation.create(ConfigFactory.parseString("pilotpool.seed = 7"), EPOCH)
        .run(Pool.create(spec, record), length, ProgressListener.NONE);
    PoolInvariants.check(record);
    return record;
  }

  static PoolSpec pool(Duration length, SiteSpec... sites) {
    return PoolSpec.of(List.of(sites), PILOT, length.minusSeconds(1));
  }
}
