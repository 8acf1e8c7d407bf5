package org.pilotpool.pool;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.eventlog.EventLogFormat;
import org.pilotpool.model.eventlog.JobEvent;
import org.pilotpool.model.eventlog.JobId;
import org.pilotpool.model.glexec.GlexecOperation;
import org.pilotpool.model.retry.BreakerTransition;
import org.pilotpool.model.retry.CircuitBreaker;
import org.pilotpool.workernode.GlexecTally;

class PoolRecordTest {
  private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");
  private static final EventLogFormat FORMAT = EventLogFormat.legacy(ZoneOffset.UTC);

  private static void feed(PoolRecord record) {
    record.userLog(new JobEvent.Submit(JobId.of(1, 0), T, "<10.0.0.1:9618>", Optional.empty()));
    record.glexecTallied(new GlexecTally.Invoked("wn1", "c1", GlexecOperation.values()[0]), T);
  }

  @Test
  void aStreamingRecordWritesTheEventLogToTheSinkAndCountsGlexecCalls() {
    StringBuilder sink = new StringBuilder();
    PoolRecord streaming = PoolRecord.streaming(FORMAT, sink);
    PoolRecord full = new PoolRecord(FORMAT);
    feed(streaming);
    feed(full);
    assertEquals(full.eventLog(), sink.toString());
    assertTrue(sink.toString().startsWith("000 (001.000.000)"), sink.toString());
    assertEquals(1, streaming.glexecInvoked());
    assertEquals(1, streaming.glexecPending().size());
  }

  @Test
  void aStreamingRecordRefusesToListEvents() {
    PoolRecord streaming = PoolRecord.streaming(FORMAT, new StringBuilder());
    feed(streaming);
    assertThrows(IllegalStateException.class, streaming::jobEvents);
    assertThrows(IllegalStateException.class, streaming::glexecInvocations);
    assertThrows(IllegalStateException.class, streaming::slotEvents);
    assertThrows(IllegalStateException.class, streaming::eventLog);
  }

  @Test
  void aCallTheBreakerRefusedLeavesTheCallsMadeAndCountsAsRefused() {
    PoolRecord record = new PoolRecord(FORMAT);
    record.glexecTallied(new GlexecTally.Invoked("wn1", "made", GlexecOperation.SETUP), T);
    record.glexecTallied(new GlexecTally.Invoked("wn1", "refused", GlexecOperation.SETUP), T);
    record.glexecTallied(new GlexecTally.Refused("wn1", "refused", GlexecOperation.SETUP), T);

    assertEquals(1, record.glexecInvoked());
    assertEquals(List.of("made"),
        record.glexecInvocations().stream().map(GlexecCallRecord::callId).toList());
    assertEquals(List.of("made"),
        record.glexecPending().stream().map(GlexecCallRecord::callId).toList());
    assertEquals(Map.of(GlexecOperation.SETUP, 1L), record.glexecRefused());
  }

  @Test
  void breakerStateChangesAreCountedPerSite() {
    PoolRecord record = new PoolRecord(FORMAT);
    for (CircuitBreaker.State to : List.of(CircuitBreaker.State.OPEN,
        CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.OPEN,
        CircuitBreaker.State.HALF_OPEN, CircuitBreaker.State.CLOSED)) {
      record.breakerMoved(new BreakerTransition("siteA", CircuitBreaker.State.CLOSED, to, T,
          Optional.empty()));
    }
    assertEquals(Map.of("siteA", new PoolRecord.BreakerCounts(2, 2, 1)), record.breakers());
  }
}
