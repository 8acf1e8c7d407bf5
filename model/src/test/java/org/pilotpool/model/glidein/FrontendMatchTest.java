package org.pilotpool.model.glidein;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/** cvWParamDict's entry selection by GLIDEIN_Glexec_Use. */
class FrontendMatchTest {

  @Test
  void requiredKeepsOnlyEntriesWithAGlexecBinary() {
    Optional<String> required = Optional.of("REQUIRED");
    assertFalse(FrontendMatch.considers(required, GlexecBin.NONE, false));
    assertTrue(FrontendMatch.considers(required, GlexecBin.OSG, false));
    assertTrue(FrontendMatch.considers(required, GlexecBin.path("/usr/sbin/glexec"), true));
  }

  @Test
  void neverKeepsOnlyEntriesThatDoNotRequireGlexec() {
    Optional<String> never = Optional.of("NEVER");
    assertTrue(FrontendMatch.considers(never, GlexecBin.OSG, false));
    assertFalse(FrontendMatch.considers(never, GlexecBin.OSG, true));
  }

  @Test
  void optionalAndAbsentKeepEveryEntry() {
    assertTrue(FrontendMatch.considers(Optional.of("OPTIONAL"), GlexecBin.NONE, true));
    assertTrue(FrontendMatch.considers(Optional.empty(), GlexecBin.NONE, true));
  }
}
