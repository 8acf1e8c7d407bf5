package org.pilotpool.reports;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class ResultsFolderTest {

  @Test
  void aNameBecomesOneFolderThatCannotClimbOutOrHide() {
    assertEquals("try-and-fail", ResultsFolder.folderName("try-and-fail", "x"));
    assertEquals("fast_stop", ResultsFolder.folderName("fast stop", "x"));
    assertEquals("fast_stop", ResultsFolder.folderName("fast/stop", "x"));
    assertEquals("escaped", ResultsFolder.folderName("../../escaped", "x"));
    assertEquals("hidden", ResultsFolder.folderName(".hidden", "x"));
    assertEquals("v1.2", ResultsFolder.folderName("v1.2", "x"));
    assertEquals("x", ResultsFolder.folderName("..", "x"));
    assertEquals("x", ResultsFolder.folderName("///", "x"));
  }
}
