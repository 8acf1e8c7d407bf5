package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.pilotpool.cli.RunCommandTest.Outcome;

class ReplayCommandTest {
  @TempDir Path tmp;

  /** Three one-core jobs 10 s apart, run 100, 50 and 10 s, recorded waits 0, 5 and -1 (unknown). */
  private static final String SMALL_SWF = """
      ; Version: 2.2
      ; MaxProcs: 4
      1 1000 0 100 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1
      2 1010 5 50 1 -1 -1 1 -1 -1 1 2 1 -1 -1 -1 -1 -1
      3 1020 -1 10 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1
      """;

  private static final String SMALL_GWF = """
      # JobID SubmitTime WaitTime RunTime NProcs ...
      1 0 5 100 1 -1 -1 1 -1 2048 1 alice atlas_prod -1 -1 -1 SITE_A SITE_B UNITARY -1 -1 -1 -1 -1 -1 -1 -1 atlas -1
      2 10 -1 50 2 -1 -1 -1 -1 -1 0 bob cms -1 -1 -1 SITE_A -1 UNITARY -1 -1 -1 -1 -1 -1 -1 -1 -1 -1
      """;

  private static final String SMALL_EVENT_LOG = """
      000 (001.000.000) 01/01 00:00:00 Job submitted from host: <10.0.0.1:9618>
      ...
      000 (002.000.000) 01/01 00:00:30 Job submitted from host: <10.0.0.1:9618>
      ...
      001 (001.000.000) 01/01 00:00:10 Job executing on host: <10.0.0.2:9618>
      ...
      001 (002.000.000) 01/01 00:00:40 Job executing on host: <10.0.0.3:9618>
      ...
      005 (001.000.000) 01/01 00:01:10 Job terminated.
      \t(1) Normal termination (return value 0)
      \t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Remote Usage
      \t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage
      \t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Remote Usage
      \t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Local Usage
      \t0  -  Run Bytes Sent By Job
      \t0  -  Run Bytes Received By Job
      \t0  -  Total Bytes Sent By Job
      \t0  -  Total Bytes Received By Job
      ...
      005 (002.000.000) 01/01 00:02:40 Job terminated.
      \t(1) Normal termination (return value 0)
      \t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Remote Usage
      \t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Run Local Usage
      \t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Remote Usage
      \t\tUsr 0 00:00:00, Sys 0 00:00:00  -  Total Local Usage
      \t0  -  Run Bytes Sent By Job
      \t0  -  Run Bytes Received By Job
      \t0  -  Total Bytes Sent By Job
      \t0  -  Total Bytes Received By Job
      ...
      """;

  private Path write(String name, String text) throws IOException {
    Path f = tmp.resolve(name);
    Files.writeString(f, text, StandardCharsets.UTF_8);
    return f;
  }

  private static List<String> jobsCsv(Path dir) throws IOException {
    return Files.readAllLines(dir.resolve("jobs.csv"));
  }

  private static JsonNode summary(Path dir) throws IOException {
    return new ObjectMapper().readTree(dir.resolve("summary.json").toFile());
  }

  private Outcome replay(Path trace, Path out, String... options) {
    String[] args = new String[options.length + 5];
    args[0] = "replay";
    args[1] = "--quiet";
    args[2] = "--out";
    args[3] = out.toString();
    System.arraycopy(options, 0, args, 4, options.length);
    args[args.length - 1] = trace.toString();
    return RunCommandTest.cli(args);
  }

  @Test
  void aSmallSwfOnOneSlotGivesTheFirstComeFirstServedWaits() throws IOException {
    Outcome o = replay(write("small.swf", SMALL_SWF), tmp.resolve("r"), "--slots", "1");
    assertEquals(0, o.code(), o.err());
    assertEquals(List.of(
        "job,user,cpus,submit_s,start_s,end_s,wait_s,recorded_wait_s,wait_difference_s,state,slot",
        "1,u1,1,0.000,0.000,100.000,0.000,0.000,0.000,completed,slot1",
        "2,u2,1,10.000,100.000,150.000,90.000,5.000,85.000,completed,slot1",
        "3,u1,1,20.000,150.000,160.000,130.000,,,completed,slot1"), jobsCsv(tmp.resolve("r")));
    JsonNode wait = summary(tmp.resolve("r")).get("wait");
    assertEquals(73.333, wait.get("simulated").get("mean_s").asDouble(), 1e-9);
    assertEquals(130.0, wait.get("simulated").get("max_s").asDouble(), 1e-9);
  }

  @Test
  void theRecordedWaitIsCarriedToTheSummaryWithTheDifference() throws IOException {
    replay(write("small.swf", SMALL_SWF), tmp.resolve("r"), "--slots", "1");
    JsonNode wait = summary(tmp.resolve("r")).get("wait");
    assertEquals(2, wait.get("recorded").get("jobs").asLong(), "job 3 recorded no wait");
    assertEquals(2.5, wait.get("recorded").get("mean_s").asDouble(), 1e-9);
    assertEquals(5.0, wait.get("recorded").get("max_s").asDouble(), 1e-9);
    assertEquals(125.0, wait.get("difference").get("max_s").asDouble(), 1e-9);
    assertEquals(73.333 - 2.5, wait.get("difference").get("mean_s").asDouble(), 1e-3);
  }

  @Test
  void aGwfTraceReplaysWithItsMultiCoreJob() throws IOException {
    Outcome o = replay(write("small.gwf", SMALL_GWF), tmp.resolve("r"), "--slots", "2");
    assertEquals(0, o.code(), o.err());
    List<String> rows = jobsCsv(tmp.resolve("r"));
    assertEquals("1,alice,1,0.000,0.000,100.000,0.000,5.000,-5.000,completed,slot1", rows.get(1));
    assertEquals("2,bob,2,10.000,100.000,150.000,90.000,,,completed,slot2+slot1", rows.get(2));
    assertEquals("gwf", summary(tmp.resolve("r")).get("trace").get("format").asText());
  }

  @Test
  void anEventLogReplaysWithTheWaitsItRecorded() throws IOException {
    Outcome o = replay(write("jobs.log", SMALL_EVENT_LOG), tmp.resolve("r"), "--slots", "1");
    assertEquals(0, o.code(), o.err());
    List<String> rows = jobsCsv(tmp.resolve("r"));
    assertEquals(3, rows.size(), summary(tmp.resolve("r")).toString());
    // Job 1 ran 60 s, job 2 120 s; on one slot job 2 waits until 60 s, 30 s after its submit.
    assertEquals("1.0,unknown,1,0.000,0.000,60.000,0.000,10.000,-10.000,completed,slot1", rows.get(1));
    assertEquals("2.0,unknown,1,30.000,60.000,180.000,30.000,10.000,20.000,completed,slot1", rows.get(2));
    assertEquals("eventlog", summary(tmp.resolve("r")).get("trace").get("format").asText());
  }

  @Test
  void aJobWiderThanThePoolIsRejectedAndCounted() throws IOException {
    Outcome o = replay(write("small.gwf", SMALL_GWF), tmp.resolve("r"), "--slots", "1");
    assertEquals(0, o.code(), o.err());
    assertTrue(jobsCsv(tmp.resolve("r")).contains("2,bob,2,10.000,,,,,,rejected,"));
    assertEquals(1, summary(tmp.resolve("r")).get("jobs").get("rejected_too_wide").asLong());
  }

  @Test
  void aBadLineInStrictModeIsFileLineAndExitCodeTwo() throws IOException {
    Path trace = write("bad.swf", SMALL_SWF + "4 1030 oops 10 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n");
    Outcome o = replay(trace, tmp.resolve("r"), "--strict");
    assertEquals(2, o.code());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains(trace + ":6:"), o.err());
    assertFalse(Files.exists(tmp.resolve("r/jobs.csv")), "no results from a trace that failed");
  }

  @Test
  void aBadLineInLenientModeIsSkippedAndCountedInTheSummary() throws IOException {
    Path trace = write("bad.swf", SMALL_SWF + "4 1030 oops 10 1 -1 -1 1 -1 -1 1 1 1 -1 -1 -1 -1 -1\n");
    Outcome o = replay(trace, tmp.resolve("r"));
    assertEquals(0, o.code(), o.err());
    JsonNode problem = summary(tmp.resolve("r")).get("trace").get("problems").get("NOT_A_NUMBER");
    assertEquals(1, problem.get("count").asLong());
    assertEquals(6, problem.get("first_line").asInt());
    assertEquals(4, jobsCsv(tmp.resolve("r")).size());
  }

  @Test
  void theSameTraceAndSeedGiveByteIdenticalResults() throws IOException {
    Path trace = write("small.gwf", SMALL_GWF);
    replay(trace, tmp.resolve("a"), "--slots", "2", "--seed", "9");
    replay(trace, tmp.resolve("b"), "--slots", "2", "--seed", "9");
    List<String> files = List.of("jobs.csv", "report.html", "summary.json", "timeseries.csv");
    for (String f : files) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
          Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
    }
  }

  @Test
  void aGzipTraceIsDetectedByItsContent() throws IOException {
    Path trace = tmp.resolve("trace.data");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(trace))) {
      out.write(SMALL_SWF.getBytes(StandardCharsets.UTF_8));
    }
    Outcome o = replay(trace, tmp.resolve("r"), "--slots", "1");
    assertEquals(0, o.code(), o.err());
    assertEquals("swf", summary(tmp.resolve("r")).get("trace").get("format").asText());
  }

  @Test
  void aMissingTraceIsOneLineAndExitCodeTwo() {
    Outcome o = replay(tmp.resolve("nope.swf"), tmp.resolve("r"));
    assertEquals(2, o.code());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains("nope.swf"), o.err());
  }

  @Test
  void anUnknownFormatIsOneLineAndExitCodeTwo() throws IOException {
    Outcome o = replay(write("small.swf", SMALL_SWF), tmp.resolve("r"), "--format", "csv");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("--format"), o.err());
  }

  @Test
  void throughTheHtcondorPoolEveryJobRunsAndTheEventLogIsWritten() throws IOException {
    Outcome o = replay(write("small.swf", SMALL_SWF), tmp.resolve("r"), "--pool", "htcondor", "--slots", "2");
    assertEquals(0, o.code(), o.err());
    List<String> rows = jobsCsv(tmp.resolve("r"));
    assertEquals(4, rows.size(), String.join("\n", rows));
    rows.subList(1, 4).forEach(row -> assertTrue(row.contains(",completed,slot"), row));
    String log = Files.readString(tmp.resolve("r/job_events.log"));
    assertEquals(3, log.lines().filter(l -> l.startsWith("005 (")).count(), log);
    assertEquals("htcondor", summary(tmp.resolve("r")).path("pool").path("kind").asText());
  }

  @Test
  void throughTheHtcondorPoolNoJobStartsBeforeANegotiationCycle() throws IOException {
    replay(write("small.swf", SMALL_SWF), tmp.resolve("r"), "--pool", "htcondor", "--slots", "2");
    for (String row : jobsCsv(tmp.resolve("r")).subList(1, 4)) {
      double wait = Double.parseDouble(row.split(",")[6]);
      // The first cycle runs 60 s in (NEGOTIATOR_INTERVAL); the jobs arrive in the first 20 s.
      assertTrue(wait >= 40, "wait " + wait + " in " + row);
    }
  }

  @Test
  void throughTheHtcondorPoolTheSameTraceGivesByteIdenticalResults() throws IOException {
    Path trace = write("small.swf", SMALL_SWF);
    replay(trace, tmp.resolve("a"), "--pool", "htcondor", "--slots", "2");
    replay(trace, tmp.resolve("b"), "--pool", "htcondor", "--slots", "2");
    for (String f : List.of("jobs.csv", "job_events.log", "summary.json", "report.html")) {
      assertArrayEquals(Files.readAllBytes(tmp.resolve("a").resolve(f)),
          Files.readAllBytes(tmp.resolve("b").resolve(f)), f);
    }
  }

  @Test
  void anUnknownPoolIsOneLineAndExitCodeTwo() throws IOException {
    Outcome o = replay(write("small.swf", SMALL_SWF), tmp.resolve("r"), "--pool", "slurm");
    assertEquals(2, o.code());
    assertTrue(o.err().contains("--pool: expected fcfs or htcondor"), o.err());
  }

  @Test
  void anOutFolderThatCannotBeMadeIsBadInputNamingOut() throws IOException {
    Path taken = write("taken", "a file, not a folder\n");
    Outcome o = replay(write("small.swf", SMALL_SWF), taken, "--slots", "1");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().startsWith("pilotpool: " + taken + ": --out: cannot make the results folder"),
        o.err());
  }

  @Test
  void aTraceOfWhichNoRecordReadsIsBadInputPointingAtFormat() throws IOException {
    Path swf = write("small.swf", SMALL_SWF);
    Outcome o = replay(swf, tmp.resolve("r"), "--format", "gwf");
    assertEquals(2, o.code(), o.err());
    assertTrue(o.err().contains(": no record reads as gwf (wrong number of fields"), o.err());
    assertTrue(o.err().strip().endsWith("if the trace is in another format, name it with --format"),
        o.err());
    assertTrue(Files.exists(tmp.resolve("r/summary.json")), "the counts are still written");
  }

  @Test
  void anEventLogWhoseJobsNeverEndIsBadInputSayingSo() throws IOException {
    Path log = write("running.log", """
        000 (001.000.000) 01/01 00:00:00 Job submitted from host: <10.0.0.1:9618>
        ...
        001 (001.000.000) 01/01 00:00:10 Job executing on host: <10.0.0.2:9618>
        ...
        """);
    Outcome o = replay(log, tmp.resolve("r"));
    assertEquals(2, o.code(), o.err());
    assertTrue(o.out().contains("dropped: 1 jobs that never end in the log"), o.out());
    assertTrue(o.err().startsWith("pilotpool: " + log + ": no job to replay (job with no"
        + " terminate or abort event"), o.err());
  }
}
