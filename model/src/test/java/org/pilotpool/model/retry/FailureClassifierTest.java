package org.pilotpool.model.retry;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.glexec.GlexecResult;

class FailureClassifierTest {
  private static GlexecResult exited(int status) {
    return GlexecResult.exited(status, "", Optional.empty(), Duration.ZERO);
  }

  private static FailureClass classify(int status, FailureCause cause) {
    return FailureClassifier.classify(FailureEvidence.of(exited(status), cause));
  }

  @Test
  void causeDecidesWhatA203Means() {
    assertEquals(FailureClass.TRANSIENT, classify(203, FailureCause.AUTHZ_OVERLOADED));
    assertEquals(FailureClass.TRANSIENT, classify(203, FailureCause.AUTHZ_TIMED_OUT));
    assertEquals(FailureClass.TRANSIENT, classify(203, FailureCause.AUTHZ_UNAVAILABLE));
    assertEquals(FailureClass.PERMANENT, classify(203, FailureCause.AUTHZ_DENIED));
    assertEquals(FailureClass.PERMANENT, classify(203, FailureCause.AUTHZ_NOT_APPLICABLE));
    assertEquals(FailureClass.UNKNOWN, classify(203, FailureCause.AUTHZ_INDETERMINATE));
    assertEquals(FailureClass.UNKNOWN, classify(203, FailureCause.NOT_KNOWN));
  }

  @Test
  void statusAloneSortsTheOtherCodes() {
    assertEquals(FailureClass.TRANSIENT, classify(202, FailureCause.NOT_KNOWN));
    assertEquals(FailureClass.CLIENT, classify(201, FailureCause.NOT_KNOWN));
    assertEquals(FailureClass.CLIENT, classify(126, FailureCause.NOT_KNOWN));
    assertEquals(FailureClass.CLIENT, classify(1, FailureCause.NOT_KNOWN));
  }

  @Test
  void adapterTimeoutIsTransient() {
    GlexecResult timedOut =
        GlexecResult.failed(GlexecResult.AdapterFailure.TIMED_OUT, "no answer", Duration.ofSeconds(30));
    assertEquals(FailureClass.TRANSIENT, FailureClassifier.classify(FailureEvidence.of(timedOut)));
  }

  @Test
  void successIsNotAcceptedAsEvidence() {
    assertThrows(IllegalArgumentException.class, () -> FailureEvidence.of(exited(0)));
  }
}
