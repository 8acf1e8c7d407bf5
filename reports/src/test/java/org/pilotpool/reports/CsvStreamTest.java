package org.pilotpool.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvStreamTest {
  @TempDir Path tmp;

  @Test
  void rowsAppearOnlyOnceCommitted() throws IOException {
    ResultsFolder folder = ResultsFolder.at(tmp);
    try (CsvStream csv = folder.openCsv("jobs.csv", List.of("job", "user"))) {
      csv.row(List.of(1, "a,b"));
      assertFalse(Files.exists(tmp.resolve("jobs.csv")));
      csv.commit();
    }
    assertEquals("job,user\n1,\"a,b\"\n", Files.readString(tmp.resolve("jobs.csv")));
  }

  @Test
  void anUncommittedFileIsRemovedOnClose() throws IOException {
    ResultsFolder folder = ResultsFolder.at(tmp);
    try (CsvStream csv = folder.openCsv("jobs.csv", List.of("job"))) {
      csv.row(List.of(1));
    }
    try (var files = Files.list(tmp)) {
      assertEquals(0, files.count());
    }
  }
}
