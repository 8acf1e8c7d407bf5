package org.pilotpool.glexec.real;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds the account glexec mapped to, where glexec or the payload reveals it: glexec's own log
 * line ({@code ...->mapped_user(<u>),mapped_group(<g>) ...}) when it logs to standard error, or
 * the {@code id} output of glideinWMS's validation ({@code uid=<n>(<u>) ...}).
 */
final class MappedAccount {
  private static final Pattern GLEXEC_LOG = Pattern.compile("mapped_user\\(([^()\\s]+)\\)");
  private static final Pattern ID_OUTPUT = Pattern.compile("(?m)^uid=\\d+\\(([^()\\s]+)\\)");

  private MappedAccount() {}

  /** From glexec's log line on standard error. */
  static Optional<String> fromGlexecLog(String stderr) {
    return first(GLEXEC_LOG.matcher(stderr));
  }

  /** From the output of {@code id} run as the mapped user. */
  static Optional<String> fromIdOutput(String stdout) {
    return first(ID_OUTPUT.matcher(stdout));
  }

  private static Optional<String> first(Matcher m) {
    return m.find() ? Optional.of(m.group(1)) : Optional.empty();
  }
}
