package org.pilotpool.model.trace.swf;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.pilotpool.model.trace.FieldLine;
import org.pilotpool.model.trace.JobOutcome;
import org.pilotpool.model.trace.LineTraceReader;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.RecordRejected;
import org.pilotpool.model.trace.TraceInput;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceProblem;

/**
 * Reads a Standard Workload Format (SWF 2.2) log: {@code ;} header comments, then one job per line
 * in 18 whitespace-separated fields, {@code -1} for unknown, floats allowed in time fields.
 *
 * <p>Mapping: cores = field 8 (requested processors), or field 5 (allocated) when 8 is unknown or
 * 0; memory MB = field 10 (KB per processor) x cores / 1024, rounded up; run time field 4; submit
 * field 2; wait (field 3) becomes the recorded wait; user {@code u<id>} (field 12, {@code unknown}
 * when -1), group {@code g<id>} (field 13). Status 1 completed, 0 failed, 5 cancelled, anything
 * else unknown. A record with an unknown submit time, run time or processor count is rejected.
 * Every field must be a number, -1 or non-negative.
 */
public final class SwfReader extends LineTraceReader {
  static final String[] FIELDS = {
    "Job Number", "Submit Time", "Wait Time", "Run Time", "Number of Allocated Processors",
    "Average CPU Time Used", "Used Memory", "Requested Number of Processors", "Requested Time",
    "Requested Memory", "Status", "User ID", "Group ID", "Executable Number", "Queue Number",
    "Partition Number", "Preceding Job Number", "Think Time from Preceding Job"
  };

  private final SwfHeader.Builder header;
  private SwfHeader frozenHeader;

  private SwfReader(BufferedReader in, String source, ReadPolicy policy) {
    super(in, source, policy);
    this.header = new SwfHeader.Builder(source);
  }

  /** Opens a file (gzip or plain) in lenient mode. */
  public static SwfReader open(Path file) {
    return open(file, ReadPolicy.LENIENT);
  }

  public static SwfReader open(Path file, ReadPolicy policy) {
    return new SwfReader(TraceInput.openText(file), file.toString(), policy);
  }

  /** Reads from an already open text source; {@code source} names it in messages. */
  public static SwfReader of(Reader reader, String source, ReadPolicy policy) {
    BufferedReader in =
        reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    return new SwfReader(in, source, policy);
  }

  /** The header comments, that is, every comment before the first job line. */
  public SwfHeader header() {
    readHeader();
    if (frozenHeader == null) {
      frozenHeader = header.build();
    }
    return frozenHeader;
  }

  @Override
  protected boolean isComment(String line) {
    return line.stripLeading().startsWith(";");
  }

  @Override
  protected void comment(String line, int lineNumber, boolean beforeFirstRecord) {
    if (beforeFirstRecord) {
      header.comment(line.stripLeading(), lineNumber);
    }
  }

  @Override
  protected TraceJob parse(String line) throws RecordRejected {
    FieldLine f = FieldLine.split(line, FIELDS);
    for (int i : new int[] {5, 6, 8, 13, 14, 15, 16, 17}) {
      f.optionalNumber(i); // unused by a replay, but must still be well-formed
    }
    OptionalLong number = f.optionalWhole(0);
    if (number.isEmpty()) {
      throw new RecordRejected(TraceProblem.MISSING_VALUE, FIELDS[0], "job number is -1");
    }
    double submit = f.requiredNumber(1);
    OptionalDouble wait = f.optionalNumber(2);
    double run = f.requiredNumber(3);
    int cpus = cores(f.optionalWhole(7), f.optionalWhole(4));
    OptionalDouble memKbPerProc = f.optionalNumber(9);
    OptionalLong memMb = memKbPerProc.isPresent()
        ? OptionalLong.of((long) Math.ceil(memKbPerProc.getAsDouble() * cpus / 1024.0))
        : OptionalLong.empty();
    OptionalLong status = f.optionalWhole(10);
    OptionalLong user = f.optionalWhole(11);
    OptionalLong group = f.optionalWhole(12);
    return new TraceJob(
        Long.toString(number.getAsLong()),
        submit,
        run,
        cpus,
        memMb,
        user.isPresent() ? "u" + user.getAsLong() : "unknown",
        group.isPresent() ? Optional.of("g" + group.getAsLong()) : Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        Optional.empty(),
        wait,
        outcome(status));
  }

  private static int cores(OptionalLong requested, OptionalLong allocated) throws RecordRejected {
    long n = requested.orElse(0) > 0 ? requested.getAsLong() : allocated.orElse(0);
    if (n < 1) {
      throw new RecordRejected(TraceProblem.MISSING_VALUE, FIELDS[7],
          "neither requested (field 8) nor allocated (field 5) processors are known");
    }
    if (n > Integer.MAX_VALUE) {
      throw new RecordRejected(TraceProblem.BAD_VALUE, FIELDS[7], "processor count too large: " + n);
    }
    return (int) n;
  }

  private static JobOutcome outcome(OptionalLong status) {
    if (status.isEmpty()) {
      return JobOutcome.UNKNOWN;
    }
    return switch ((int) status.getAsLong()) {
      case 1 -> JobOutcome.COMPLETED;
      case 0 -> JobOutcome.FAILED;
      case 5 -> JobOutcome.CANCELLED;
      default -> JobOutcome.UNKNOWN;
    };
  }
}
