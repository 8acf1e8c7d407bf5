package org.pilotpool.model.eventlog;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pilotpool.model.trace.ProblemLog;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.RecordRejected;
import org.pilotpool.model.trace.TraceDiagnostics;
import org.pilotpool.model.trace.TraceInput;
import org.pilotpool.model.trace.TraceProblem;

/**
 * Reads an HTCondor job event log one event at a time. It understands events 000, 001, 004, 005,
 * 007, 009, 012 and 013; any other event is skipped and counted as {@link
 * TraceProblem#UNKNOWN_EVENT}. Both header date styles are read: ISO {@code YYYY-MM-DD
 * HH:MM:SS[.fff][Z|+-HH:MM]} (with a space or a {@code T}) and the legacy {@code MM/DD HH:MM:SS},
 * whose year is the caller's reference year, advanced by one each time the month goes back by
 * more than six (a log that runs past New Year). Times without a zone are in the caller's zone.
 *
 * <p>An entry that does not parse is {@link TraceProblem#MALFORMED_EVENT}: strict mode stops there,
 * lenient mode skips to the next {@code ...} line. An entry cut short by the end of the file (a
 * log still being written) is malformed too.
 */
public final class EventLogReader implements Iterator<JobEvent>, AutoCloseable {
  private static final Pattern HEADER =
      Pattern.compile("^(\\d{3}) \\((\\d+)\\.(\\d+)\\.(\\d+)\\) (\\S+)(?: (.*))?$");
  private static final Pattern START_OF_EVENT = Pattern.compile("^\\d{3} \\(");
  private static final Pattern LEGACY_DATE = Pattern.compile("(\\d{2})/(\\d{2})");
  private static final Pattern ISO_DATE = Pattern.compile("(\\d{4})-(\\d{2})-(\\d{2})");
  private static final Pattern TIME = Pattern.compile(
      "(\\d{2}):(\\d{2}):(\\d{2})(?:\\.(\\d{1,9}))?(Z|[+-]\\d{2}:?\\d{2})?");
  private static final Pattern USAGE = Pattern.compile(
      "\\s*Usr (\\d+) (\\d+):(\\d+):(\\d+), Sys (\\d+) (\\d+):(\\d+):(\\d+)\\s+-\\s+(.*)");
  private static final Pattern BYTES = Pattern.compile("\\s*(\\d+)(?:\\.\\d*)?\\s+-\\s+(.*)");
  private static final Pattern NORMAL =
      Pattern.compile("\\(1\\) Normal termination \\(return value (-?\\d+)\\)");
  private static final Pattern ABNORMAL =
      Pattern.compile("\\(0\\) Abnormal termination \\(signal (-?\\d+)\\)");
  private static final Pattern HOLD_CODES = Pattern.compile("\\s*Code (-?\\d+) Subcode (-?\\d+)\\s*");

  /**
   * How to read times and bad entries.
   *
   * @param zone the zone of times written without one
   * @param referenceYear the year of the first legacy {@code MM/DD} date
   */
  public record Options(ZoneId zone, int referenceYear, ReadPolicy policy) {
    public static Options lenient(ZoneId zone, int referenceYear) {
      return new Options(zone, referenceYear, ReadPolicy.LENIENT);
    }
  }

  private final BufferedReader in;
  private final Options options;
  private final ProblemLog log;
  private int year;
  private int lastMonth;
  private int lineNumber;
  private int eventLine;
  private String pushedBack;
  private boolean finished;
  private JobEvent next;

  EventLogReader(BufferedReader in, Options options, ProblemLog log) {
    this.in = in;
    this.options = options;
    this.log = log;
    this.year = options.referenceYear();
  }

  public static EventLogReader open(Path file, Options options) {
    return new EventLogReader(TraceInput.openText(file), options,
        new ProblemLog(file.toString(), options.policy()));
  }

  public static EventLogReader of(Reader reader, String source, Options options) {
    BufferedReader in = reader instanceof BufferedReader b ? b : new BufferedReader(reader);
    return new EventLogReader(in, options, new ProblemLog(source, options.policy()));
  }

  /** Events read and problems met so far (jobs returned stays 0: this reader returns events). */
  public TraceDiagnostics diagnostics() {
    return log.snapshot();
  }

  /** The 1-based line of the header of the event last returned. */
  int eventLine() {
    return eventLine;
  }

  ProblemLog problems() {
    return log;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !finished) {
      readEntry();
    }
    return next != null;
  }

  @Override
  public JobEvent next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JobEvent e = next;
    next = null;
    return e;
  }

  @Override
  public void close() {
    finished = true;
    TraceInput.close(in);
  }

  private String line() {
    if (pushedBack != null) {
      String l = pushedBack;
      pushedBack = null;
      return l;
    }
    String l = TraceInput.readLine(in, log.source(), lineNumber);
    if (l != null) {
      lineNumber++;
      if (l.endsWith("\r")) {
        l = l.substring(0, l.length() - 1);
      }
    }
    return l;
  }

  private void readEntry() {
    String header = line();
    while (header != null && header.isBlank()) {
      header = line();
    }
    if (header == null) {
      close();
      return;
    }
    int headerLine = lineNumber;
    List<String> body = new ArrayList<>();
    boolean terminated = false;
    boolean interrupted = false;
    for (String l = line(); l != null; l = line()) {
      if (l.equals("...")) {
        terminated = true;
        break;
      }
      if (START_OF_EVENT.matcher(l).find()) {
        pushedBack = l;
        interrupted = true;
        break;
      }
      body.add(l);
    }
    log.recordRead();
    eventLine = headerLine;
    if (!terminated) {
      log.reject(TraceProblem.MALFORMED_EVENT, headerLine, null, interrupted
          ? "event not closed by a '...' line before the next event"
          : "event cut short by the end of the file (no '...' line)", header);
      return;
    }
    try {
      next = parse(header, body);
    } catch (RecordRejected r) {
      if (r.problem() == TraceProblem.UNKNOWN_EVENT) {
        log.note(r.problem(), headerLine, r.field(), r.getMessage(), header);
      } else {
        log.reject(r.problem(), headerLine, r.field(), r.getMessage(), header);
      }
    }
  }

  private JobEvent parse(String header, List<String> body) throws RecordRejected {
    Matcher m = HEADER.matcher(header);
    if (!m.matches()) {
      throw malformed("header",
          "expected 'NNN (cluster.proc.subproc) date time text', found '" + header + "'");
    }
    int code = Integer.parseInt(m.group(1));
    JobId job;
    try {
      job = new JobId(Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3)),
          Integer.parseInt(m.group(4)));
    } catch (NumberFormatException e) {
      throw malformed("job id", "job id part too large");
    }
    String rest = m.group(6) == null ? "" : m.group(6);
    String first;
    Instant time;
    String dateToken = m.group(5);
    if (dateToken.contains("T")) {
      time = isoDateTime(dateToken);
      first = rest;
    } else {
      int sp = rest.indexOf(' ');
      String timeToken = sp < 0 ? rest : rest.substring(0, sp);
      first = sp < 0 ? "" : rest.substring(sp + 1);
      time = dateAndTime(dateToken, timeToken);
    }
    Body b = new Body(code, first, body);
    return switch (code) {
      case 0 -> submit(job, time, b);
      case 1 -> execute(job, time, b);
      case 4 -> evicted(job, time, b);
      case 5 -> terminated(job, time, b);
      case 7 -> shadowException(job, time, b);
      case 9 -> aborted(job, time, b);
      case 12 -> held(job, time, b);
      case 13 -> released(job, time, b);
      default -> throw new RecordRejected(TraceProblem.UNKNOWN_EVENT, "event " + m.group(1),
          "event " + m.group(1) + " is not modelled");
    };
  }

  private Instant isoDateTime(String token) throws RecordRejected {
    int t = token.indexOf('T');
    return dateAndTime(token.substring(0, t), token.substring(t + 1));
  }

  private Instant dateAndTime(String date, String time) throws RecordRejected {
    Matcher tm = TIME.matcher(time);
    if (!tm.matches()) {
      throw malformed("time", "expected HH:MM:SS[.fff][zone], found '" + time + "'");
    }
    try {
      LocalDate day;
      Matcher iso = ISO_DATE.matcher(date);
      Matcher legacy = LEGACY_DATE.matcher(date);
      if (iso.matches()) {
        day = LocalDate.of(Integer.parseInt(iso.group(1)), Integer.parseInt(iso.group(2)),
            Integer.parseInt(iso.group(3)));
      } else if (legacy.matches()) {
        int month = Integer.parseInt(legacy.group(1));
        if (lastMonth - month > 6) {
          year++;
        }
        lastMonth = month;
        day = LocalDate.of(year, month, Integer.parseInt(legacy.group(2)));
      } else {
        throw malformed("date", "expected YYYY-MM-DD or MM/DD, found '" + date + "'");
      }
      String frac = tm.group(4) == null ? "" : tm.group(4);
      int nanos = frac.isEmpty() ? 0 : Integer.parseInt((frac + "00000000").substring(0, 9));
      LocalDateTime local = LocalDateTime.of(day, LocalTime.of(Integer.parseInt(tm.group(1)),
          Integer.parseInt(tm.group(2)), Integer.parseInt(tm.group(3)), nanos));
      String zone = tm.group(5);
      if (zone == null) {
        return local.atZone(options.zone()).toInstant();
      }
      return local.toInstant(zone.equals("Z") ? ZoneOffset.UTC : ZoneOffset.of(
          zone.length() == 5 ? zone.substring(0, 3) + ":" + zone.substring(3) : zone));
    } catch (DateTimeException e) {
      throw malformed("date", "not a valid date and time: " + date + " " + time);
    }
  }

  /** The lines of one event body: the text after the header, then the lines up to "...". */
  private static final class Body {
    private final int code;
    private final String first;
    private final List<String> lines;
    private int pos;

    Body(int code, String first, List<String> lines) {
      this.code = code;
      this.first = first;
      this.lines = lines;
    }

    String expectFirst(String prefix) throws RecordRejected {
      if (!first.startsWith(prefix)) {
        throw malformed(eventName(), "expected '" + prefix + "', found '" + first + "'");
      }
      return first.substring(prefix.length());
    }

    Optional<String> optional() {
      return pos < lines.size() ? Optional.of(lines.get(pos++)) : Optional.empty();
    }

    Optional<String> peek() {
      return pos < lines.size() ? Optional.of(lines.get(pos)) : Optional.empty();
    }

    String required(String what) throws RecordRejected {
      if (pos >= lines.size()) {
        throw malformed(eventName(), "missing " + what);
      }
      return lines.get(pos++);
    }

    String eventName() {
      return String.format(Locale.ROOT, "event %03d", code);
    }

    CpuUsage usage(String label) throws RecordRejected {
      String l = required(label + " line");
      Matcher m = USAGE.matcher(l);
      if (!m.matches() || !m.group(9).strip().equals(label)) {
        throw malformed(eventName(),
            "expected 'Usr D HH:MM:SS, Sys D HH:MM:SS  -  " + label + "', found '" + l.strip() + "'");
      }
      long usr = seconds(m, 1);
      long sys = seconds(m, 5);
      return new CpuUsage(usr, sys);
    }

    private static long seconds(Matcher m, int g) {
      return Long.parseLong(m.group(g)) * 86400 + Long.parseLong(m.group(g + 1)) * 3600
          + Long.parseLong(m.group(g + 2)) * 60 + Long.parseLong(m.group(g + 3));
    }

    long bytes(String label) throws RecordRejected {
      String l = required(label + " line");
      Matcher m = BYTES.matcher(l);
      if (!m.matches() || !m.group(2).strip().equals(label)) {
        throw malformed(eventName(), "expected '<n>  -  " + label + "', found '" + l.strip() + "'");
      }
      return Long.parseLong(m.group(1));
    }
  }

  private static RecordRejected malformed(String field, String why) {
    return new RecordRejected(TraceProblem.MALFORMED_EVENT, field, why);
  }

  private static Optional<String> text(Optional<String> line) {
    return line.map(String::strip).filter(s -> !s.isEmpty());
  }

  private static JobEvent submit(JobId job, Instant time, Body b) throws RecordRejected {
    String host = b.expectFirst("Job submitted from host: ").strip();
    return new JobEvent.Submit(job, time, host, text(b.optional()));
  }

  private static JobEvent execute(JobId job, Instant time, Body b) throws RecordRejected {
    String host = b.expectFirst("Job executing on host: ").strip();
    Optional<String> slot = Optional.empty();
    Optional<String> l = b.peek();
    if (l.isPresent() && l.get().strip().startsWith("SlotName:")) {
      b.optional();
      String s = l.get().strip().substring("SlotName:".length()).strip();
      if (s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"")) {
        s = s.substring(1, s.length() - 1);
      }
      slot = Optional.of(s);
    }
    return new JobEvent.Execute(job, time, host, slot);
  }

  private static JobEvent evicted(JobId job, Instant time, Body b) throws RecordRejected {
    b.expectFirst("Job was evicted.");
    String kind = b.required("checkpoint line").strip();
    if (!kind.startsWith("(0)") && !kind.startsWith("(1)")) {
      throw malformed(b.eventName(), "expected '(0) ...' or '(1) ...', found '" + kind + "'");
    }
    boolean checkpointed = kind.startsWith("(1)");
    CpuUsage remote = b.usage("Run Remote Usage");
    CpuUsage local = b.usage("Run Local Usage");
    long sent = b.bytes("Run Bytes Sent By Job");
    long received = b.bytes("Run Bytes Received By Job");
    if (kind.contains("requeued")) {
      skipRequeueTermination(b);
    }
    Optional<String> reason = Optional.empty();
    Optional<String> l = b.peek();
    if (l.isPresent() && !l.get().strip().startsWith("Partitionable Resources")) {
      String s = l.get().strip();
      reason = Optional.of(s.startsWith("Reason: ") ? s.substring("Reason: ".length()) : s);
    }
    return new JobEvent.Evicted(job, time, checkpointed, remote, local, sent, received, reason);
  }

  // A job that exited but is to run again (on_exit_remove false) is written as an eviction
  // followed by its exit: "(1) Normal termination (...)" or "(0) Abnormal termination (...)" and
  // a core file line. The replay only needs the eviction, so these lines are passed over.
  private static void skipRequeueTermination(Body b) {
    Optional<String> l = b.peek();
    if (l.isPresent() && l.get().strip().startsWith("(1) Normal termination")) {
      b.optional();
    } else if (l.isPresent() && l.get().strip().startsWith("(0) Abnormal termination")) {
      b.optional();
      b.optional();
    }
  }

  private static JobEvent terminated(JobId job, Instant time, Body b) throws RecordRejected {
    b.expectFirst("Job terminated.");
    String how = b.required("termination line").strip();
    boolean normal;
    int value;
    Optional<String> core = Optional.empty();
    Matcher n = NORMAL.matcher(how);
    Matcher a = ABNORMAL.matcher(how);
    if (n.matches()) {
      normal = true;
      value = Integer.parseInt(n.group(1));
    } else if (a.matches()) {
      normal = false;
      value = Integer.parseInt(a.group(1));
      String c = b.required("core file line").strip();
      if (c.startsWith("(1) Corefile in: ")) {
        core = Optional.of(c.substring("(1) Corefile in: ".length()));
      } else if (!c.startsWith("(0)")) {
        throw malformed(b.eventName(), "expected a core file line, found '" + c + "'");
      }
    } else {
      throw malformed(b.eventName(),
          "expected '(1) Normal termination (return value N)' or"
              + " '(0) Abnormal termination (signal N)', found '" + how + "'");
    }
    CpuUsage runRemote = b.usage("Run Remote Usage");
    CpuUsage runLocal = b.usage("Run Local Usage");
    CpuUsage totalRemote = b.usage("Total Remote Usage");
    CpuUsage totalLocal = b.usage("Total Local Usage");
    long runSent = b.bytes("Run Bytes Sent By Job");
    long runReceived = b.bytes("Run Bytes Received By Job");
    long totalSent = b.bytes("Total Bytes Sent By Job");
    long totalReceived = b.bytes("Total Bytes Received By Job");
    return new JobEvent.Terminated(job, time, normal, value, core, runRemote, runLocal,
        totalRemote, totalLocal, runSent, runReceived, totalSent, totalReceived, resources(b));
  }

  // Columns are cut at the right edges of the header words, as HTCondor's own reader does, because
  // an unknown value is printed as blanks and would shift a whitespace split.
  private static List<ResourceRow> resources(Body b) throws RecordRejected {
    Optional<String> head = b.peek();
    if (head.isEmpty() || !(head.get().strip().startsWith("Partitionable Resources")
        || head.get().strip().startsWith("Resources"))) {
      return List.of();
    }
    b.optional();
    String h = head.get();
    int colon = h.indexOf(':');
    if (colon < 0) {
      throw malformed(b.eventName(), "resource table header without ':'");
    }
    String table = h.substring(colon + 1);
    int useEnd = wordEnd(table, 0);
    int reqEnd = wordEnd(table, useEnd);
    int allocAt = table.indexOf("Allocated");
    int allocEnd = allocAt < 0 ? -1 : allocAt + "Allocated".length();
    List<ResourceRow> rows = new ArrayList<>();
    // The table ends at the first line that is not a "name : values" row, such as the
    // "Job terminated of its own accord at <time> ..." line recent versions add.
    for (Optional<String> l = b.peek(); l.isPresent() && l.get().contains(" : "); l = b.peek()) {
      b.optional();
      String row = l.get();
      int c = row.indexOf(" : ") + 1;
      String name = row.substring(0, c).strip();
      int sp = name.indexOf(' ');
      name = sp < 0 ? name : name.substring(0, sp);
      String cells = row.substring(c + 1);
      rows.add(new ResourceRow(name, cut(cells, 0, useEnd), cut(cells, useEnd, reqEnd),
          allocEnd < 0 ? "" : cut(cells, reqEnd, allocEnd)));
    }
    return rows;
  }

  private static int wordEnd(String s, int from) {
    int i = from;
    while (i < s.length() && s.charAt(i) == ' ') {
      i++;
    }
    while (i < s.length() && s.charAt(i) != ' ') {
      i++;
    }
    return i;
  }

  private static String cut(String s, int from, int to) {
    return from >= s.length() ? "" : s.substring(from, Math.min(to, s.length())).strip();
  }

  private static JobEvent shadowException(JobId job, Instant time, Body b)
      throws RecordRejected {
    b.expectFirst("Shadow exception!");
    String message = b.optional().map(String::strip).orElse("");
    long sent = b.peek().isPresent() ? b.bytes("Run Bytes Sent By Job") : 0;
    long received = b.peek().isPresent() ? b.bytes("Run Bytes Received By Job") : 0;
    return new JobEvent.ShadowException(job, time, message, sent, received);
  }

  private static JobEvent aborted(JobId job, Instant time, Body b) throws RecordRejected {
    b.expectFirst("Job was aborted");
    return new JobEvent.Aborted(job, time, text(b.optional()));
  }

  private static JobEvent held(JobId job, Instant time, Body b) throws RecordRejected {
    b.expectFirst("Job was held.");
    Optional<String> reason = text(b.optional()).filter(r -> !r.equals("Reason unspecified"));
    int code = 0;
    int subcode = 0;
    Optional<String> codes = b.optional();
    if (codes.isPresent()) {
      Matcher m = HOLD_CODES.matcher(codes.get());
      if (!m.matches()) {
        throw malformed(b.eventName(),
            "expected 'Code <c> Subcode <s>', found '" + codes.get().strip() + "'");
      }
      code = Integer.parseInt(m.group(1));
      subcode = Integer.parseInt(m.group(2));
    }
    return new JobEvent.Held(job, time, reason, code, subcode);
  }

  private static JobEvent released(JobId job, Instant time, Body b) throws RecordRejected {
    b.expectFirst("Job was released.");
    return new JobEvent.Released(job, time, text(b.optional()));
  }
}
