package org.pilotpool.schedd;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.pilotpool.model.classad.ClassAd;
import org.pilotpool.model.credential.ProxyCredential;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.job.JobProfile;

/** A schedd logic on a fake port, with shortcuts to submit and start jobs. */
final class ScheddFixture {
  final FakeScheddPort port = new FakeScheddPort();
  final ScheddLogic schedd;

  ScheddFixture(ScheddConfig config) {
    schedd = new ScheddLogic(config, port, port);
    port.logic = schedd;
    schedd.start();
  }

  static final JobProfile PROFILE = new JobProfile(Duration.ofHours(1), 3);

  static ProxyCredential proxy(String dn) {
    return new ProxyCredential("/tmp/x509up_" + dn.hashCode(), dn, List.of("/cms/Role=NULL"),
        FakeScheddPort.EPOCH.plus(Duration.ofHours(12)));
  }

  static JobSubmission submission(String owner, int count) {
    return JobSubmission.of(owner, count, Optional.of(proxy("/DC=org/CN=" + owner)), 1, 2048,
        "TARGET.Memory >= RequestMemory", PROFILE);
  }

  List<JobId> submit(String owner, int count) {
    return schedd.submit(submission(owner, count));
  }

  static SlotMatch slot(String name) {
    return new SlotMatch(name, new ClassAd().set("Name", name).set("Memory", 4096L)
        .insert("START", "true"));
  }

  /** Matches, claims and starts each job on its own slot "slotN" (N from 1), executing. */
  void run(List<JobId> jobs) {
    int n = schedd.claims();
    for (JobId id : jobs) {
      String name = "slot" + (++n);
      schedd.matchFound(id, slot(name));
      schedd.claimResponse(name, true);
    }
    port.settle();
    for (ScheddLogic.ShadowRecord s : schedd.shadowRecords()) {
      if (!s.executing()) {
        schedd.jobStarted(s.job(), s.slot(), "<10.0.0.1:9618>");
      }
    }
  }

  String slotOf(JobId id) {
    return schedd.shadowRecords().stream().filter(s -> s.job().equals(id)).findFirst()
        .orElseThrow().slot();
  }

  Instant now() {
    return port.instant();
  }
}
