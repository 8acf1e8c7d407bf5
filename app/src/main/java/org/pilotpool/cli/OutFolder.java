package org.pilotpool.cli;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.reports.ResultsFolder;

/** The results folder a command writes to ({@code --out}). */
final class OutFolder {
  private OutFolder() {}

  /**
   * Makes {@code folder} before the run starts, so that a long run cannot end with nowhere to put
   * its results; a folder that cannot be made is bad input naming {@code --out}.
   */
  static ResultsFolder create(Path folder) {
    try {
      return ResultsFolder.at(folder);
    } catch (UncheckedIOException e) {
      throw new BadInputException(folder.toString(), 0, "--out",
          "cannot make the results folder: " + reason(e.getCause()), e);
    }
  }

  private static String reason(IOException e) {
    if (e instanceof FileAlreadyExistsException f) {
      return (f.getFile() == null ? "a path" : f.getFile()) + " exists and is not a folder";
    }
    if (e instanceof AccessDeniedException) {
      return "permission denied";
    }
    if (e instanceof NoSuchFileException) {
      // The parents were made or found, so the place itself refuses folders (/proc, say).
      return "no folder can be made there";
    }
    if (e instanceof FileSystemException f && f.getReason() != null) {
      return f.getReason();
    }
    return String.valueOf(e.getMessage());
  }
}
