package org.pilotpool.model.trace;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipException;
import org.pilotpool.model.input.BadInputException;

/**
 * Opens trace files, decompressing gzip whatever the file is called: the two gzip magic bytes
 * decide, not the extension, because archives are often renamed or served without one.
 */
public final class TraceInput {
  private static final int BUFFER = 1 << 16;

  private TraceInput() {}

  /**
   * Opens a file as bytes, decompressed when it is gzip.
   *
   * @throws BadInputException when the file does not exist or cannot be read
   */
  public static InputStream openStream(Path file) {
    try {
      return decompressIfGzip(Files.newInputStream(file));
    } catch (NoSuchFileException e) {
      throw new BadInputException(file.toString(), 0, null, "trace file not found", e);
    } catch (IOException e) {
      throw new BadInputException(file.toString(), 0, null, "cannot read trace file: " + e, e);
    }
  }

  /** Opens a file as UTF-8 text, decompressed when it is gzip. */
  public static BufferedReader openText(Path file) {
    return new BufferedReader(
        new InputStreamReader(openStream(file), StandardCharsets.UTF_8), BUFFER);
  }

  /** Wraps a stream in a gzip decoder when it starts with the gzip magic bytes 1f 8b. */
  public static InputStream decompressIfGzip(InputStream raw) throws IOException {
    BufferedInputStream in = new BufferedInputStream(raw, BUFFER);
    in.mark(2);
    int b0 = in.read();
    int b1 = in.read();
    in.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new GZIPInputStream(in, BUFFER);
    }
    return in;
  }

  /**
   * Reads one line; a failure to read on (a truncated or corrupt gzip file, a disk error) is bad
   * input naming the file and the line it stopped at, in either read policy: nothing after it
   * can be read.
   *
   * @param linesRead lines of {@code source} read so far
   */
  public static String readLine(BufferedReader reader, String source, int linesRead) {
    try {
      return reader.readLine();
    } catch (IOException e) {
      throw unreadable(source, linesRead + 1, e);
    }
  }

  /** {@code source} could not be read on at {@code line}. */
  public static BadInputException unreadable(String source, int line, IOException e) {
    String why = e instanceof EOFException || e instanceof ZipException
        ? "the gzip data is truncated or corrupt (" + e.getMessage() + ")"
        : e.toString();
    return new BadInputException(source, line, null, "cannot read on: " + why, e);
  }

  /** Closes without a checked exception. */
  public static void close(AutoCloseable c) {
    try {
      c.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (RuntimeException e) {
      throw e;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
