package org.pilotpool.model.eventlog;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.StringReader;
import java.io.StringWriter;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.random.RandomGeneratorFactory;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.trace.ReadPolicy;

class EventLogRoundTripTest {
  private static final ZoneId UTC = ZoneOffset.UTC;
  private static final Instant START = Instant.parse("2026-02-03T04:05:06Z");

  /** Events of every kind, with varied optional parts, in time order within one year. */
  static List<JobEvent> sample(int perKind, boolean millis) {
    RandomGenerator rnd = RandomGeneratorFactory.of("L64X128MixRandom").create(7);
    List<JobEvent> events = new ArrayList<>();
    Instant t = START;
    for (int i = 0; i < perKind; i++) {
      JobId id = new JobId(1 + rnd.nextInt(20000), rnd.nextInt(1200), 0);
      boolean odd = i % 2 == 1;
      List<JobEvent> batch = new ArrayList<>();
      batch.add(new JobEvent.Submit(id, t, "<10.0.0.1:9618?addrs=10.0.0.1-9618&sock=schedd_1>",
          odd ? Optional.of("DAG Node: node" + i) : Optional.empty()));
      batch.add(new JobEvent.Execute(id, t, "<10.0.1." + i % 250 + ":9618>",
          odd ? Optional.of("slot1_" + i + "@wn" + i + ".example.org") : Optional.empty()));
      batch.add(new JobEvent.Evicted(id, t, odd, new CpuUsage(rnd.nextInt(200000), 3),
          CpuUsage.NONE, rnd.nextInt(1 << 20), 7, odd ? Optional.of("claim preempted") : Optional.empty()));
      batch.add(new JobEvent.Terminated(id, t, !odd, odd ? 9 : rnd.nextInt(3),
          odd && i % 4 == 1 ? Optional.of("/scratch/core." + i) : Optional.empty(),
          new CpuUsage(90061, 59), CpuUsage.NONE, new CpuUsage(90062, 60), CpuUsage.NONE,
          1234, 5678, 12340, 56780,
          odd ? List.of() : List.of(
              new ResourceRow("Cpus", "", "1", "1"),
              new ResourceRow("Disk", "15", "1024", "7846234"),
              new ResourceRow("Memory", i % 3 == 0 ? "0.50" : "100", "2048", "2048"))));
      batch.add(new JobEvent.ShadowException(id, t,
          "Error from glidein_1@wn1.example.org: failed to chown sandbox to user", 0, 0));
      batch.add(new JobEvent.Aborted(id, t,
          odd ? Optional.of("via condor_rm (by user alice)") : Optional.empty()));
      batch.add(new JobEvent.Held(id, t,
          odd ? Optional.of("error changing sandbox ownership to the user: condor_glexec_setup"
              + " exited with status 768 and the following output: ; denied")
              : Optional.empty(), 28, 768));
      batch.add(new JobEvent.Released(id, t,
          odd ? Optional.of("via condor_release (by user alice)") : Optional.empty()));
      events.addAll(batch);
      t = t.plusSeconds(1 + rnd.nextInt(3600));
      if (millis) {
        t = t.plusMillis(rnd.nextInt(1000));
      }
    }
    return events;
  }

  static List<JobEvent> roundTrip(List<JobEvent> events, EventLogFormat format) {
    StringWriter out = new StringWriter();
    try (EventLogWriter w = new EventLogWriter(out, format)) {
      events.forEach(w::write);
    }
    List<JobEvent> back = new ArrayList<>();
    try (EventLogReader r = EventLogReader.of(new StringReader(out.toString()), "written.log",
        new EventLogReader.Options(format.zone(), 2026, ReadPolicy.STRICT))) {
      r.forEachRemaining(back::add);
      assertTrue(r.diagnostics().clean(), r.diagnostics().summary());
    }
    return back;
  }

  @Test
  void isoDatedLogReadsBackEventForEvent() {
    List<JobEvent> events = sample(40, false);
    assertEquals(events, roundTrip(events, EventLogFormat.iso(UTC)));
  }

  @Test
  void legacyDatedLogReadsBackEventForEventUsingTheReferenceYear() {
    List<JobEvent> events = sample(40, false);
    assertEquals(events, roundTrip(events, EventLogFormat.legacy(UTC)));
  }

  @Test
  void subSecondTimesInANonUtcZoneReadBackExactly() {
    List<JobEvent> events = sample(20, true);
    assertEquals(events, roundTrip(events,
        new EventLogFormat(EventLogFormat.DateStyle.ISO, ZoneId.of("Asia/Kolkata"), true)));
  }

  @Test
  void headerIsZeroPaddedWithIsoDateAndNoT() {
    JobEvent e = new JobEvent.Held(new JobId(7, 0, 0), Instant.parse("2026-11-24T03:54:47Z"),
        Optional.of("Proxy about to expire"), 4, 0);
    assertEquals("012 (007.000.000) 2026-11-24 03:54:47 Job was held.\n"
        + "\tProxy about to expire\n\tCode 4 Subcode 0\n...\n",
        EventLogWriter.format(e, EventLogFormat.iso(UTC)));
  }

  @Test
  void legacyHeaderHasMonthDayAndNoYear() {
    JobEvent e = new JobEvent.Submit(new JobId(12345, 6, 0),
        Instant.parse("2026-01-02T03:04:05Z"), "<1.2.3.4:9618>", Optional.empty());
    assertEquals("000 (12345.006.000) 01/02 03:04:05 Job submitted from host: <1.2.3.4:9618>\n"
        + "...\n", EventLogWriter.format(e, EventLogFormat.legacy(UTC)));
  }

  @Test
  void terminatedEventUsesHtcondorUsageLinesAndResourceTable() {
    JobEvent e = new JobEvent.Terminated(new JobId(1, 0, 0), START, true, 0, Optional.empty(),
        new CpuUsage(3661, 1), CpuUsage.NONE, new CpuUsage(3661, 1), CpuUsage.NONE, 10, 20, 10,
        20, List.of(new ResourceRow("Memory", "100", "2048", "2048"),
            new ResourceRow("Cpus", "", "1", "1")));
    assertEquals("005 (001.000.000) 2026-02-03 04:05:06 Job terminated.\n"
        + "\t(1) Normal termination (return value 0)\n"
        + "\t\tUsr 0 01:01:01, Sys 0 00:00:01  -  Run Remote Usage\n"
        + "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage\n"
        + "\t\tUsr 0 01:01:01, Sys 0 00:00:01  -  Total Remote Usage\n"
        + "\t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Local Usage\n"
        + "\t10  -  Run Bytes Sent By Job\n"
        + "\t20  -  Run Bytes Received By Job\n"
        + "\t10  -  Total Bytes Sent By Job\n"
        + "\t20  -  Total Bytes Received By Job\n"
        + "\tPartitionable Resources :    Usage  Request Allocated \n"
        + "\t   Cpus                 :                 1         1 \n"
        + "\t   Memory (MB)          :      100     2048      2048 \n"
        + "...\n", EventLogWriter.format(e, EventLogFormat.iso(UTC)));
  }
}
