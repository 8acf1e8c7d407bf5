package org.pilotpool.model.trace.gwf;

import java.io.BufferedReader;
import java.io.Reader;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalLong;
import org.pilotpool.model.input.BadInputException;
import org.pilotpool.model.trace.FieldLine;
import org.pilotpool.model.trace.JobOutcome;
import org.pilotpool.model.trace.LineTraceReader;
import org.pilotpool.model.trace.ReadPolicy;
import org.pilotpool.model.trace.RecordRejected;
import org.pilotpool.model.trace.TraceInput;
import org.pilotpool.model.trace.TraceJob;
import org.pilotpool.model.trace.TraceProblem;

/**
 * Reads the text form of the Grid Workloads Archive format (GWF): {@code #} comments, one job per
 * line in 29 whitespace-separated fields, {@code -1} when missing; user, group, sites and VO are
 * strings.
 *
 * <p>Mapping as for SWF (cores = ReqNProcs or NProcs, memory MB = ReqMemory KB per processor x
 * cores / 1024 rounded up, RunTime, SubmitTime, WaitTime as the recorded wait), plus VO (field 28)
 * and site = LastRunSiteID (field 18, where the job ran). Only the numeric fields a replay uses are
 * checked; the free-form fields (structure, platform, resource lists) are not interpreted.
 *
 * <p>The comma-separated workflow trace that tools also call "GWF" ({@code WorkflowID, JobID,
 * SubmitTime, ...}) is recognised by its header and refused with a message saying so, in either
 * policy: it is a different format, not a dirty record.
 */
public final class GwfReader extends LineTraceReader {
  static final String[] FIELDS = {
    "JobID", "SubmitTime", "WaitTime", "RunTime", "NProcs", "AverageCPUTimeUsed", "UsedMemory",
    "ReqNProcs", "ReqTime", "ReqMemory", "Status", "UserID", "GroupID", "ExecutableID", "QueueID",
    "PartitionID", "OrigSiteID", "LastRunSiteID", "JobStructure", "JobStructureParams",
    "UsedNetwork", "UsedLocalDiskSpace", "UsedResources", "ReqPlatform", "ReqNetwork",
    "ReqLocalDiskSpace", "ReqResources", "VOID", "ProjectID"
  };

  private GwfReader(BufferedReader in, String source, ReadPolicy policy) {
    super(in, source, policy);
  }

  /** Opens a file (gzip or plain) in lenient mode. */
  public static GwfReader open(Path file) {
    return open(file, ReadPolicy.LENIENT);
  }

  public static GwfReader open(Path file, ReadPolicy policy) {
    return new GwfReader(TraceInput.openText(file), file.toString(), policy);
  }

  public static GwfReader of(Reader reader, String source, ReadPolicy policy) {
    BufferedReader in =
        reader instanceof BufferedReader b ? b : new BufferedReader(reader, 1 << 16);
    return new GwfReader(in, source, policy);
  }

  @Override
  protected boolean isComment(String line) {
    String s = line.stripLeading();
    if (s.startsWith("#")) {
      refuseWorkflowFormat(s.substring(1), 0);
      return true;
    }
    return false;
  }

  @Override
  protected void checkFirstRecord(String line, int lineNumber) {
    refuseWorkflowFormat(line, lineNumber);
  }

  private void refuseWorkflowFormat(String text, int lineNumber) {
    String s = text.strip().toLowerCase(Locale.ROOT);
    if (s.startsWith("workflowid") && s.contains(",")) {
      throw new BadInputException(source(), lineNumber, null,
          "this is the comma-separated workflow trace (WorkflowID, JobID, SubmitTime, ...),"
              + " not the Grid Workloads Archive format; expected 29 whitespace-separated fields");
    }
  }

  @Override
  protected TraceJob parse(String line) throws RecordRejected {
    FieldLine f = FieldLine.split(line, FIELDS);
    for (int i : new int[] {5, 6, 8}) {
      f.optionalNumber(i);
    }
    Optional<String> id = f.optionalText(0);
    if (id.isEmpty()) {
      throw new RecordRejected(TraceProblem.MISSING_VALUE, FIELDS[0], "job id is -1");
    }
    double submit = f.requiredNumber(1);
    OptionalDouble wait = f.optionalNumber(2);
    double run = f.requiredNumber(3);
    long n = f.optionalWhole(7).orElse(0) > 0 ? f.optionalWhole(7).getAsLong()
        : f.optionalWhole(4).orElse(0);
    if (n < 1 || n > Integer.MAX_VALUE) {
      throw new RecordRejected(TraceProblem.MISSING_VALUE, FIELDS[7],
          "neither ReqNProcs (field 8) nor NProcs (field 5) is a usable processor count");
    }
    int cpus = (int) n;
    OptionalDouble memKb = f.optionalNumber(9);
    OptionalLong memMb = memKb.isPresent()
        ? OptionalLong.of((long) Math.ceil(memKb.getAsDouble() * cpus / 1024.0))
        : OptionalLong.empty();
    return new TraceJob(
        id.get(),
        submit,
        run,
        cpus,
        memMb,
        f.optionalText(11).orElse("unknown"),
        f.optionalText(12),
        f.optionalText(27),
        f.optionalText(17),
        Optional.empty(),
        wait,
        outcome(f.optionalWhole(10)));
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
