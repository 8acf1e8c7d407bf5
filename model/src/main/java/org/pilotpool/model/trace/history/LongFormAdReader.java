package org.pilotpool.model.trace.history;

import java.io.BufferedReader;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.NoSuchElementException;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.pilotpool.model.trace.ProblemLog;
import org.pilotpool.model.trace.TraceInput;
import org.pilotpool.model.trace.TraceProblem;

/**
 * Reads ads in long form ({@code Attr = value} lines), as {@code condor_history -l} prints them
 * (ads separated by blank lines) and as the schedd's history file stores them (each ad followed
 * by a {@code *** Offset = ...} banner). An ad with a line that is not {@code Attr = value} is
 * rejected as a whole.
 */
final class LongFormAdReader implements AdSource {
  private static final Pattern ATTR =
      Pattern.compile("^\\s*([A-Za-z_][A-Za-z0-9_.]*)\\s*=\\s*(.*?)\\s*$");

  private final BufferedReader in;
  private final ProblemLog log;
  private int lineNumber;
  private boolean finished;
  private JobAd next;

  LongFormAdReader(BufferedReader in, ProblemLog log) {
    this.in = in;
    this.log = log;
  }

  @Override
  public boolean hasNext() {
    while (next == null && !finished) {
      readAd();
    }
    return next != null;
  }

  private void readAd() {
    Map<String, AdValue> attrs = new LinkedHashMap<>();
    int start = 0;
    boolean bad = false;
    for (String line = TraceInput.readLine(in, log.source(), lineNumber); ;
        line = TraceInput.readLine(in, log.source(), lineNumber)) {
      if (line == null) {
        close();
        break;
      }
      lineNumber++;
      if (line.isBlank() || line.startsWith("***")) {
        if (start > 0) {
          break;
        }
        continue;
      }
      if (start == 0) {
        start = lineNumber;
      }
      if (bad) {
        continue;
      }
      Matcher m = ATTR.matcher(line);
      if (!m.matches() || m.group(2).isEmpty()) {
        log.recordRead();
        log.reject(TraceProblem.BAD_VALUE, lineNumber, null,
            "expected 'Attribute = value' (the ad starting at line " + start + " is skipped)",
            line);
        bad = true;
        continue;
      }
      attrs.put(m.group(1), ClassAdLiteral.parse(m.group(2)));
    }
    if (start > 0 && !bad) {
      log.recordRead();
      next = new JobAd(attrs, start);
    }
  }

  @Override
  public JobAd next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    JobAd ad = next;
    next = null;
    return ad;
  }

  @Override
  public void close() {
    finished = true;
    TraceInput.close(in);
  }
}
