package org.pilotpool.reports;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.util.DefaultIndenter;
import com.fasterxml.jackson.core.util.DefaultPrettyPrinter;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.function.Consumer;

/**
 * The folder a run writes its results to. Every file is written to a temporary name and moved
 * into place, so an interrupted run never leaves a half-written file that looks complete. Output
 * is byte-stable: JSON keys sorted, "\n" line ends, numbers formatted without locale.
 */
public final class ResultsFolder {
  private static final ObjectMapper JSON = new ObjectMapper()
      .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
      .enable(SerializationFeature.INDENT_OUTPUT);
  private static final DefaultPrettyPrinter PRETTY =
      new DefaultPrettyPrinter().withObjectIndenter(new DefaultIndenter("  ", "\n"));

  private final Path dir;

  private ResultsFolder(Path dir) {
    this.dir = dir;
  }

  /** Creates {@code dir} (and its parents) if needed. */
  public static ResultsFolder at(Path dir) {
    try {
      Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot create results folder " + dir, e);
    }
    return new ResultsFolder(dir);
  }

  public Path dir() {
    return dir;
  }

  /**
   * A name (a scenario's, a variant's) as one folder name: letters, digits, dot, dash and
   * underscore kept, other runs of characters made one underscore, and no leading dot, so that
   * it can be neither hidden nor {@code ..}, nor reach outside the folder it is made in.
   *
   * @param fallback the folder name when nothing of {@code name} is left
   */
  public static String folderName(String name, String fallback) {
    String f = name.replaceAll("[^A-Za-z0-9._-]+", "_").replaceAll("^[._]+|_+$", "");
    return f.isEmpty() ? fallback : f;
  }

  /** Writes a JSON document; maps are written with their keys sorted. */
  public Path writeJson(String name, Object document) {
    return write(name, w -> {
      try {
        JsonGenerator g = JSON.getFactory().createGenerator(w).setPrettyPrinter(PRETTY);
        JSON.writeValue(g, document);
        w.write('\n');
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Writes a CSV file: a header and one row per element, values quoted only where needed. */
  public Path writeCsv(String name, List<String> header, Iterable<? extends List<?>> rows) {
    return write(name, w -> {
      try {
        w.write(Csv.line(header));
        for (List<?> row : rows) {
          w.write(Csv.line(row));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    });
  }

  /** Starts a CSV file to be written row by row; see {@link CsvStream} for when it appears. */
  public CsvStream openCsv(String name, List<String> header) {
    return new CsvStream(dir.resolve(name), dir.resolve("." + name + ".tmp"), header);
  }

  /** Writes any text through {@code body}, atomically. */
  public Path write(String name, Consumer<Writer> body) {
    Path target = dir.resolve(name);
    Path tmp = dir.resolve("." + name + ".tmp");
    try (Writer w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
      body.accept(w);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + target, e);
    }
    try {
      Files.move(tmp, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } catch (IOException e) {
      throw new UncheckedIOException("cannot move " + tmp + " to " + target, e);
    }
    return target;
  }
}
