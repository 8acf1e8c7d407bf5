package org.pilotpool.model.eventlog;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;

/**
 * Writes job events in HTCondor's user log text: a header {@code %03d (%03d.%03d.%03d) <date>
 * <time> } directly followed by the first body line, tab-indented detail lines, and a line
 * {@code ...}. Body texts follow HTCondor's {@code condor_event.cpp}; the abort text is the one
 * HTCondor 8.8 writes ({@code Job was aborted by the user.}; later versions write {@code Job was
 * aborted.}, and the reader takes both).
 */
public final class EventLogWriter implements AutoCloseable {
  private final Writer out;
  private final EventLogFormat format;

  public EventLogWriter(Writer out, EventLogFormat format) {
    this.out = out;
    this.format = format;
  }

  /** Appends one event and flushes, as HTCondor does, so readers never see half an event. */
  public void write(JobEvent event) {
    try {
      out.write(format(event, format));
      out.flush();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    try {
      out.close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The text of one event, header to {@code ...} line inclusive. */
  public static String format(JobEvent event, EventLogFormat format) {
    // Sized for the event: the usage lines make a termination or eviction several hundred
    // characters, and growing a builder there copies it twice.
    StringBuilder sb = new StringBuilder(
        event instanceof JobEvent.Terminated || event instanceof JobEvent.Evicted ? 1024 : 256);
    formatInto(sb, event, format);
    return sb.toString();
  }

  /**
   * Appends the text of one event to {@code sb}: a writer of many events reuses one builder
   * rather than building a string per event.
   */
  public static void formatInto(StringBuilder sb, JobEvent event, EventLogFormat format) {
    header(sb, event, format);
    if (event instanceof JobEvent.Submit e) {
      sb.append("Job submitted from host: ").append(e.submitHost()).append('\n');
      e.note().ifPresent(n -> sb.append("    ").append(n).append('\n'));
    } else if (event instanceof JobEvent.Execute e) {
      sb.append("Job executing on host: ").append(e.executeHost()).append('\n');
      e.slotName().ifPresent(s -> sb.append("\tSlotName: ").append(s).append('\n'));
    } else if (event instanceof JobEvent.Evicted e) {
      sb.append("Job was evicted.\n\t")
          .append(e.checkpointed() ? "(1) Job was checkpointed.\n" : "(0) CPU times\n");
      usage(sb, e.runRemote(), "Run Remote Usage");
      usage(sb, e.runLocal(), "Run Local Usage");
      bytes(sb, e.runBytesSent(), "Run Bytes Sent By Job");
      bytes(sb, e.runBytesReceived(), "Run Bytes Received By Job");
      e.reason().ifPresent(r -> sb.append("\tReason: ").append(r).append('\n'));
    } else if (event instanceof JobEvent.Terminated e) {
      sb.append("Job terminated.\n");
      if (e.normal()) {
        sb.append("\t(1) Normal termination (return value ").append(e.exitValue()).append(")\n");
      } else {
        sb.append("\t(0) Abnormal termination (signal ").append(e.exitValue()).append(")\n");
        sb.append(e.coreFile().map(c -> "\t(1) Corefile in: " + c + "\n")
            .orElse("\t(0) No core file\n"));
      }
      usage(sb, e.runRemote(), "Run Remote Usage");
      usage(sb, e.runLocal(), "Run Local Usage");
      usage(sb, e.totalRemote(), "Total Remote Usage");
      usage(sb, e.totalLocal(), "Total Local Usage");
      bytes(sb, e.runBytesSent(), "Run Bytes Sent By Job");
      bytes(sb, e.runBytesReceived(), "Run Bytes Received By Job");
      bytes(sb, e.totalBytesSent(), "Total Bytes Sent By Job");
      bytes(sb, e.totalBytesReceived(), "Total Bytes Received By Job");
      resourceTable(sb, e.resources());
    } else if (event instanceof JobEvent.ShadowException e) {
      sb.append("Shadow exception!\n\t").append(e.message()).append('\n');
      bytes(sb, e.runBytesSent(), "Run Bytes Sent By Job");
      bytes(sb, e.runBytesReceived(), "Run Bytes Received By Job");
    } else if (event instanceof JobEvent.Aborted e) {
      sb.append("Job was aborted by the user.\n");
      e.reason().ifPresent(r -> sb.append('\t').append(r).append('\n'));
    } else if (event instanceof JobEvent.Held e) {
      sb.append("Job was held.\n\t").append(e.reason().orElse("Reason unspecified")).append('\n');
      sb.append("\tCode ").append(e.holdCode()).append(" Subcode ").append(e.holdSubcode())
          .append('\n');
    } else if (event instanceof JobEvent.Released e) {
      sb.append("Job was released.\n");
      e.reason().ifPresent(r -> sb.append('\t').append(r).append('\n'));
    }
    sb.append("...\n");
  }

  private static void header(StringBuilder sb, JobEvent event, EventLogFormat format) {
    JobId id = event.job();
    zeroPad(sb, event.code(), 3);
    sb.append(" (");
    zeroPad(sb, id.cluster(), 3);
    sb.append('.');
    zeroPad(sb, id.proc(), 3);
    sb.append('.');
    zeroPad(sb, id.subproc(), 3);
    sb.append(") ");
    sb.append(DatePrefix.of(event.time(), format));
    if (format.subSecond()) {
      sb.append('.');
      zeroPad(sb, event.time().getNano() / 1_000_000, 3);
    }
    sb.append(' ');
  }

  /**
   * The date and time to the second, kept for the last second written: events come in bursts
   * within one second, and formatting the date is most of the cost of a header.
   */
  private record DatePrefix(long epochSecond, EventLogFormat format, String text) {
    // Racy but safe: the record is immutable, so a reader sees either a whole old or new one.
    private static DatePrefix last;

    static String of(Instant time, EventLogFormat format) {
      DatePrefix cached = last;
      if (cached != null && cached.epochSecond == time.getEpochSecond()
          && cached.format.equals(format)) {
        return cached.text;
      }
      LocalDateTime t = LocalDateTime.ofInstant(time, format.zone());
      StringBuilder sb = new StringBuilder(19);
      if (format.dateStyle() == EventLogFormat.DateStyle.ISO) {
        zeroPad(sb, t.getYear(), 4);
        sb.append('-');
        zeroPad(sb, t.getMonthValue(), 2);
        sb.append('-');
      } else {
        zeroPad(sb, t.getMonthValue(), 2);
        sb.append('/');
      }
      zeroPad(sb, t.getDayOfMonth(), 2);
      sb.append(' ');
      zeroPad(sb, t.getHour(), 2);
      sb.append(':');
      zeroPad(sb, t.getMinute(), 2);
      sb.append(':');
      zeroPad(sb, t.getSecond(), 2);
      String text = sb.toString();
      last = new DatePrefix(time.getEpochSecond(), format, text);
      return text;
    }
  }

  /** {@code %0<width>d}, without a format string. */
  private static void zeroPad(StringBuilder sb, long value, int width) {
    if (value < 0) {
      // Rare enough to leave the sign placement to the formatter.
      sb.append(String.format(Locale.ROOT, "%0" + width + "d", value));
      return;
    }
    for (long bound = 10, i = 1; i < width; i++, bound *= 10) {
      if (value < bound) {
        sb.append('0');
      }
    }
    sb.append(value);
  }

  private static void usage(StringBuilder sb, CpuUsage u, String label) {
    sb.append("\t\t");
    dhms(sb, "Usr", u.userSeconds());
    sb.append(", ");
    dhms(sb, "Sys", u.systemSeconds());
    sb.append("  -  ").append(label).append('\n');
  }

  private static void dhms(StringBuilder sb, String tag, long seconds) {
    if (seconds < 0) {
      sb.append(String.format(Locale.ROOT, "%s %d %02d:%02d:%02d", tag, seconds / 86400,
          seconds % 86400 / 3600, seconds % 3600 / 60, seconds % 60));
      return;
    }
    sb.append(tag).append(' ').append(seconds / 86400).append(' ');
    zeroPad(sb, seconds % 86400 / 3600, 2);
    sb.append(':');
    zeroPad(sb, seconds % 3600 / 60, 2);
    sb.append(':');
    zeroPad(sb, seconds % 60, 2);
  }

  private static void bytes(StringBuilder sb, long value, String label) {
    sb.append('\t').append(value).append("  -  ").append(label).append('\n');
  }

  // Column widths, unit labels, the case-insensitive row order and the padding of integers in a
  // column that also holds fractions are HTCondor's (formatUsageAd), so tools that parse the
  // table by column position read ours too.
  private static void resourceTable(StringBuilder sb, List<ResourceRow> rows) {
    if (rows.isEmpty()) {
      return;
    }
    List<ResourceRow> sorted = new ArrayList<>(rows);
    sorted.sort(Comparator.comparing(ResourceRow::resource, String.CASE_INSENSITIVE_ORDER));
    boolean useFrac = sorted.stream().anyMatch(r -> r.usage().contains("."));
    boolean reqFrac = sorted.stream().anyMatch(r -> r.request().contains("."));
    boolean allocFrac = sorted.stream().anyMatch(r -> r.allocated().contains("."));
    int cchRes = "Memory (MB)".length() + 1;
    int cchUse = 8;
    int cchReq = 8;
    int cchAlloc = 0;
    List<String[]> cells = new ArrayList<>();
    for (ResourceRow r : sorted) {
      String[] c = {
        label(r.resource()), pad(r.usage(), useFrac), pad(r.request(), reqFrac),
        pad(r.allocated(), allocFrac)
      };
      cells.add(c);
      cchRes = Math.max(cchRes, r.resource().length());
      cchUse = Math.max(cchUse, c[1].length());
      cchReq = Math.max(cchReq, c[2].length());
      cchAlloc = Math.max(cchAlloc, c[3].length());
    }
    int allocWidth = Math.max(cchAlloc, 9);
    sb.append(String.format(Locale.ROOT, "\tPartitionable Resources : %" + cchUse + "s %"
        + cchReq + "s %" + allocWidth + "s %s\n", "Usage", "Request",
        cchAlloc > 0 ? "Allocated" : "", ""));
    String row = "\t   %-" + (cchRes + 8) + "s : %" + cchUse + "s %" + cchReq + "s %"
        + allocWidth + "s %s\n";
    for (String[] c : cells) {
      sb.append(String.format(Locale.ROOT, row, c[0], c[1], c[2], c[3], ""));
    }
  }

  private static String label(String resource) {
    return switch (resource) {
      case "Memory", "GpusMemory" -> resource + " (MB)";
      case "Disk" -> resource + " (KB)";
      case "Gpus" -> resource + " (Average)";
      case "TimeExecute", "TimeSlotBusy" -> resource + " (s)";
      default -> resource;
    };
  }

  private static String pad(String value, boolean columnHasFraction) {
    return columnHasFraction && !value.isEmpty() && value.chars().allMatch(Character::isDigit)
        ? value + "   " : value;
  }
}
