package org.pilotpool.run;

import java.io.BufferedReader;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import org.pilotpool.model.eventlog.EventLogReader;
import org.pilotpool.model.eventlog.EventLogTraceReader;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.TraceInput;
import org.pilotpool.model.trace.TraceReader;
import org.pilotpool.model.trace.gwf.GwfReader;
import org.pilotpool.model.trace.history.HistoryTraceReader;
import org.pilotpool.model.trace.swf.SwfReader;

/**
 * The trace formats a replay reads, and how to tell them apart: by the first record's shape (a
 * {@code ;} or {@code #} header, an event header {@code NNN (c.p.s)}, a ClassAd or JSON, or the
 * number of fields: 18 for SWF, 29 for GWF), else by the file name's extension (after any {@code
 * .gz}).
 */
public enum TraceFormat {
  SWF(false),
  GWF(false),
  HISTORY(true),
  EVENTLOG(true);

  private static final Pattern EVENT_HEADER = Pattern.compile("^\\d{3} \\(\\d+\\.\\d+\\.\\d+\\) .*");
  private static final Pattern AD_LINE = Pattern.compile("^[A-Za-z_][A-Za-z0-9_.]* = .*");
  private static final int SCAN_LINES = 1000;

  private final boolean completionOrdered;

  TraceFormat(boolean completionOrdered) {
    this.completionOrdered = completionOrdered;
  }

  /**
   * Whether the format lists jobs as they end rather than as they were submitted, so that a replay
   * must sort them (within a window) first.
   */
  public boolean completionOrdered() {
    return completionOrdered;
  }

  /** The name as written on the command line. */
  public String label() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** Parses a {@code --format} value other than {@code auto}. */
  public static TraceFormat parse(String text) {
    for (TraceFormat f : values()) {
      if (f.label().equals(text.toLowerCase(Locale.ROOT))) {
        return f;
      }
    }
    throw new BadInputException("command line", 0, "--format",
        "unknown trace format \"" + text + "\"; expected auto, swf, gwf, history or eventlog");
  }

  /**
   * Tells a file's format from its content, else its name.
   *
   * @throws BadInputException when neither says, or the file cannot be read
   */
  public static TraceFormat detect(Path file) {
    try (BufferedReader in = TraceInput.openText(file)) {
      for (int n = 0; n < SCAN_LINES; n++) {
        String line = TraceInput.readLine(in, file.toString(), n);
        if (line == null) {
          break;
        }
        if (line.isBlank()) {
          continue;
        }
        Optional<TraceFormat> f = fromLine(line.strip());
        if (f.isPresent()) {
          return f.get();
        }
        break;
      }
    } catch (java.io.IOException e) {
      throw new BadInputException(file.toString(), 0, null, "cannot read trace file: " + e, e);
    }
    return fromName(file.getFileName().toString()).orElseThrow(() -> new BadInputException(
        file.toString(), 0, "--format", "cannot tell the trace format from the content or the"
            + " name; give --format swf, gwf, history or eventlog"));
  }

  private static Optional<TraceFormat> fromLine(String line) {
    if (line.startsWith(";")) {
      return Optional.of(SWF);
    }
    if (line.startsWith("#")) {
      return Optional.of(GWF);
    }
    if (EVENT_HEADER.matcher(line).matches()) {
      return Optional.of(EVENTLOG);
    }
    if (line.startsWith("{") || line.startsWith("[") || AD_LINE.matcher(line).matches()) {
      return Optional.of(HISTORY);
    }
    int fields = line.split("\\s+").length;
    if (fields == 18) {
      return Optional.of(SWF);
    }
    if (fields == 29) {
      return Optional.of(GWF);
    }
    return Optional.empty();
  }

  private static Optional<TraceFormat> fromName(String name) {
    String n = name.toLowerCase(Locale.ROOT);
    if (n.endsWith(".gz")) {
      n = n.substring(0, n.length() - 3);
    }
    if (n.endsWith(".swf")) {
      return Optional.of(SWF);
    }
    if (n.endsWith(".gwf")) {
      return Optional.of(GWF);
    }
    if (n.endsWith(".log") || n.endsWith(".eventlog")) {
      return Optional.of(EVENTLOG);
    }
    if (n.endsWith(".json") || n.endsWith(".jsonl") || n.startsWith("history")) {
      return Optional.of(HISTORY);
    }
    return Optional.empty();
  }

  /**
   * Opens a reader for this format.
   *
   * @param referenceYear the year of the first legacy {@code MM/DD} date of an event log
   */
  public TraceReader open(Path file, ReadPolicy policy, int referenceYear) {
    return switch (this) {
      case SWF -> SwfReader.open(file, policy);
      case GWF -> GwfReader.open(file, policy);
      case HISTORY -> HistoryTraceReader.open(file, policy);
      case EVENTLOG -> EventLogTraceReader.open(file,
          new EventLogReader.Options(ZoneOffset.UTC, referenceYear, policy));
    };
  }
}
