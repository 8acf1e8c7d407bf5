package org.pilotpool.reports;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.reports.model.RunReport;
import org.pilotpool.reports.model.TimeSeries;
import org.pilotpool.reports.model.TimeSeries.Shape;
import org.pilotpool.reports.model.Topic;
import org.pilotpool.reports.model.Variant;

class TimeSeriesCsvTest {
  @TempDir Path dir;

  private static RunReport report() {
    Variant a = Variant.of("delay=0", Map.of("JOB_STOP_DELAY", "0"), "bad", List.of(),
        List.of(new Topic("queue", "requests", List.of(TimeSeries.of("site-a queue", Shape.STEP,
            new double[] {0, 1.5, 2}, new double[] {0, 500, 12.25})))),
        List.of());
    Variant b = Variant.of("1 s / 30, spread", Map.of("JOB_STOP_DELAY", "1"), "good", List.of(),
        List.of(new Topic("queue", "requests", List.of(TimeSeries.of("site-a queue", Shape.STEP,
            new double[] {0, 3600}, new double[] {1e-4, 14})))),
        List.of());
    return new RunReport("dos", "story", List.of(a, b));
  }

  @Test
  void writesOneLongFormatRowPerPointInReportOrder() throws IOException {
    Path file = TimeSeriesCsv.write(ResultsFolder.at(dir), report());
    assertEquals("""
        variant,series,t_s,value
        delay=0,site-a queue,0,0
        delay=0,site-a queue,1.5,500
        delay=0,site-a queue,2,12.25
        "1 s / 30, spread",site-a queue,0,0.0001
        "1 s / 30, spread",site-a queue,3600,14
        """, Files.readString(file));
  }

  @Test
  void sameInputGivesByteIdenticalFilesWhateverTheLocale() throws IOException {
    Path first = TimeSeriesCsv.write(ResultsFolder.at(dir.resolve("a")), report());
    Locale saved = Locale.getDefault();
    Locale.setDefault(Locale.FRANCE);
    try {
      Path second = TimeSeriesCsv.write(ResultsFolder.at(dir.resolve("b")), report());
      assertArrayEquals(Files.readAllBytes(first), Files.readAllBytes(second));
    } finally {
      Locale.setDefault(saved);
    }
  }
}
