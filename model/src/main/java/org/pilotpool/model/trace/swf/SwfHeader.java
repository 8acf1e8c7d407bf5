package org.pilotpool.model.trace.swf;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pilotpool.model.input.BadInputException;

/**
 * The header comments of an SWF file ({@code ; Key: value} lines before the first job), in file
 * order. Keys may repeat ({@code Queue}, {@code Note}); a comment line without a key continues the
 * previous value. Typed accessors cover the keys of SWF 2.2.
 */
public final class SwfHeader {
  private static final Pattern KEY_LINE = Pattern.compile("^;\\s*([A-Za-z][A-Za-z0-9_]*)\\s*:\\s*(.*?)\\s*$");

  /**
   * One header entry.
   *
   * @param key as written, e.g. {@code MaxProcs}
   * @param value the text after the colon, continuation lines joined with a space
   * @param line the 1-based line the key is on
   */
  public record Entry(String key, String value, int line) {}

  private final String source;
  private final List<Entry> entries;

  private SwfHeader(String source, List<Entry> entries) {
    this.source = source;
    this.entries = List.copyOf(entries);
  }

  /** Collects header lines while the file is read. */
  static final class Builder {
    private final String source;
    private final List<Entry> entries = new ArrayList<>();

    Builder(String source) {
      this.source = source;
    }

    void comment(String line, int lineNumber) {
      Matcher m = KEY_LINE.matcher(line);
      if (m.matches()) {
        entries.add(new Entry(m.group(1), m.group(2), lineNumber));
        return;
      }
      String text = line.substring(1).strip();
      if (!text.isEmpty() && !entries.isEmpty()) {
        Entry last = entries.remove(entries.size() - 1);
        String joined = last.value().isEmpty() ? text : last.value() + " " + text;
        entries.add(new Entry(last.key(), joined, last.line()));
      }
    }

    SwfHeader build() {
      return new SwfHeader(source, entries);
    }
  }

  public List<Entry> entries() {
    return entries;
  }

  /** The first value of a key (keys compare without regard to case). */
  public Optional<String> get(String key) {
    return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).findFirst();
  }

  /** Every value of a repeated key, in file order. */
  public List<String> all(String key) {
    return entries.stream().filter(e -> e.key().equalsIgnoreCase(key)).map(Entry::value).toList();
  }

  /**
   * A whole-number value.
   *
   * @throws BadInputException when the key is present but its value is not a whole number
   */
  public OptionalLong wholeNumber(String key) {
    for (Entry e : entries) {
      if (e.key().equalsIgnoreCase(key)) {
        String v = e.value().strip();
        try {
          return OptionalLong.of(Long.parseLong(v));
        } catch (NumberFormatException ex) {
          throw new BadInputException(source, e.line(), key,
              "expected a whole number in the SWF header, found '" + v + "'");
        }
      }
    }
    return OptionalLong.empty();
  }

  public Optional<String> version() {
    return get("Version");
  }

  public Optional<String> computer() {
    return get("Computer");
  }

  public Optional<String> installation() {
    return get("Installation");
  }

  /** Seconds since the Unix epoch of the log's time zero. */
  public OptionalLong unixStartTime() {
    return wholeNumber("UnixStartTime");
  }

  /** The zone name ({@code TimeZoneString}); the deprecated {@code TimeZone} is not a zone name. */
  public Optional<String> timeZoneString() {
    return get("TimeZoneString");
  }

  public OptionalLong maxJobs() {
    return wholeNumber("MaxJobs");
  }

  public OptionalLong maxRecords() {
    return wholeNumber("MaxRecords");
  }

  public OptionalLong maxNodes() {
    return wholeNumber("MaxNodes");
  }

  public OptionalLong maxProcs() {
    return wholeNumber("MaxProcs");
  }

  public OptionalLong maxRuntime() {
    return wholeNumber("MaxRuntime");
  }

  public OptionalLong maxMemory() {
    return wholeNumber("MaxMemory");
  }

  public OptionalLong maxQueues() {
    return wholeNumber("MaxQueues");
  }

  public OptionalLong maxPartitions() {
    return wholeNumber("MaxPartitions");
  }

  public Optional<String> preemption() {
    return get("Preemption");
  }

  public Optional<String> allowOveruse() {
    return get("AllowOveruse");
  }

  /** The {@code Queue:} lines (and any {@code Queues:} text), in file order. */
  public List<String> queues() {
    List<String> out = new ArrayList<>(all("Queues"));
    out.addAll(all("Queue"));
    return out;
  }

  public List<String> notes() {
    return all("Note");
  }
}
