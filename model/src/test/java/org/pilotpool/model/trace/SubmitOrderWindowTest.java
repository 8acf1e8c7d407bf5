package org.pilotpool.model.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.swf.SwfReader;

class SubmitOrderWindowTest {
  static SwfReader swf(int... submits) {
    StringBuilder sb = new StringBuilder();
    for (int i = 0; i < submits.length; i++) {
      sb.append(i + 1).append(' ').append(submits[i])
          .append(" -1 10 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n");
    }
    return SwfReader.of(new StringReader(sb.toString()), "w.swf", ReadPolicy.LENIENT);
  }

  static List<String> ids(TraceReader r) {
    List<String> out = new ArrayList<>();
    r.forEachRemaining(j -> out.add(j.id()));
    return out;
  }

  @Test
  void sortsRecordsOutOfOrderWithinTheWindowKeepingFileOrderForTies() {
    try (SubmitOrderWindow w = new SubmitOrderWindow(swf(0, 50, 20, 20, 100, 90, 300), 60)) {
      assertEquals(List.of("1", "3", "4", "2", "6", "5", "7"), ids(w));
    }
  }

  @Test
  void refusesARecordOutOfOrderByMoreThanTheWindow() {
    try (SubmitOrderWindow w = new SubmitOrderWindow(swf(0, 100, 200, 10), 60)) {
      BadInputException e = assertThrows(BadInputException.class, () -> ids(w));
      assertEquals(java.util.Optional.of("w.swf"), e.source());
    }
  }
}
