package org.pilotpool.reports;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;

/**
 * A CSV file written row by row while a run goes, for outputs too long to hold in memory (a
 * replay's per-job rows). Like every results file it is written under a temporary name: {@link
 * #commit()} moves it into place, and closing without committing deletes it, so a failed run
 * leaves no file that looks complete.
 */
public final class CsvStream implements AutoCloseable {
  private final Path target;
  private final Path tmp;
  private final Writer out;
  private boolean committed;
  private long rows;

  CsvStream(Path target, Path tmp, List<String> header) {
    this.target = target;
    this.tmp = tmp;
    try {
      this.out = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8);
      out.write(Csv.line(header));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
  }

  /** Appends one row; values quoted only where needed. */
  public void row(List<?> values) {
    try {
      out.write(Csv.line(values));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    rows++;
  }

  /** Rows written so far, header excluded. */
  public long rows() {
    return rows;
  }

  /** Finishes the file and moves it into place. */
  public Path commit() {
    try {
      out.close();
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    committed = true;
    return target;
  }

  /** Deletes the partial file unless it was committed. */
  @Override
  public void close() {
    if (committed) {
      return;
    }
    try {
      out.close();
      Files.deleteIfExists(tmp);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot remove " + tmp, e);
    }
  }
}
