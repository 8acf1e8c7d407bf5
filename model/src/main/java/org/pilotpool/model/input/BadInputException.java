package org.pilotpool.model.input;

import java.util.Optional;

/**
 * A user's input (a config, scenario, trace or credential file, or an option) is wrong in a way the
 * user can fix. It always says where (file and line when known), which key or field, and what was
 * expected, in one line: the CLI prints {@link #oneLine()} and exits with code 2, with no stack
 * trace unless asked for.
 */
public class BadInputException extends RuntimeException {
  private final String source;
  private final int line;
  private final String key;

  /**
   * @param source a file name, or a description such as "command line"; may be null
   * @param line 1-based line number, or 0 when not known
   * @param key the offending key or field, or null
   * @param problem what is wrong and what was expected
   */
  public BadInputException(String source, int line, String key, String problem) {
    this(source, line, key, problem, null);
  }

  public BadInputException(String source, int line, String key, String problem, Throwable cause) {
    super(problem, cause);
    this.source = source;
    this.line = line;
    this.key = key;
  }

  public Optional<String> source() {
    return Optional.ofNullable(source);
  }

  public int line() {
    return line;
  }

  public Optional<String> key() {
    return Optional.ofNullable(key);
  }

  public String problem() {
    return getMessage();
  }

  /** {@code file:line: key: problem}, leaving out the parts that are not known. */
  public String oneLine() {
    StringBuilder sb = new StringBuilder();
    if (source != null) {
      sb.append(source);
      if (line > 0) {
        sb.append(':').append(line);
      }
      sb.append(": ");
    }
    if (key != null) {
      sb.append(key).append(": ");
    }
    return sb.append(getMessage()).toString();
  }

  @Override
  public String toString() {
    return oneLine();
  }
}
