package org.pilotpool.cli;

import com.typesafe.config.ConfigException;
import com.typesafe.config.ConfigFactory;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import org.pilotpool.cli.bench.BenchCommand;
import org.pilotpool.cli.proxy.ProxyCommand;
import org.pilotpool.model.input.BadInputException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The {@code pilotpool} command: one subcommand per way of using the pool. */
@Command(
    name = "pilotpool",
    mixinStandardHelpOptions = true,
    versionProvider = Main.Version.class,
    description = "A multi-user pilot pool (HTCondor + glideinWMS + glexec) as actors.",
    subcommands = {
      RunCommand.class,
      ReplayCommand.class,
      BenchCommand.class,
      ProxyCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main {

  /** Exit code for bad input or usage, as for unknown options. */
  public static final int EXIT_BAD_INPUT = 2;

  @Option(names = "--debug", description = "Print stack traces for errors.", scope = CommandLine.ScopeType.INHERIT)
  boolean debug;

  public static void main(String[] args) {
    int code = commandLine().execute(args);
    // Pekko leaves no non-daemon threads in virtual time, but serve mode may: exit explicitly.
    System.exit(code);
  }

  /** The configured picocli command line; tests drive it directly. */
  public static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Main());
    cl.registerConverter(Duration.class, Main::duration);
    cl.setExecutionExceptionHandler(Main::handleExecutionException);
    cl.setParameterExceptionHandler(Main::handleParameterException);
    return cl;
  }

  /**
   * A duration option: ISO-8601 ({@code PT30M}, {@code P7D}) or as scenario files write it
   * ({@code 30m}, {@code 7d}), so that one spelling works everywhere.
   */
  private static Duration duration(String text) {
    try {
      return Duration.parse(text);
    } catch (DateTimeParseException iso) {
      try {
        return ConfigFactory.parseString("d = \"" + text.replace("\"", "") + "\"").getDuration("d");
      } catch (ConfigException hocon) {
        throw new CommandLine.TypeConversionException(
            "expected a duration such as PT30M, P7D, 30m or 7d, got '" + text + "'");
      }
    }
  }

  /** Picocli's usage error output, except that the usage follows even when it suggests a name. */
  private static int handleParameterException(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    cl.getErr().println(ex.getMessage());
    CommandLine.UnmatchedArgumentException.printSuggestions(ex, cl.getErr());
    cl.usage(cl.getErr());
    return EXIT_BAD_INPUT;
  }

  private static int handleExecutionException(
      Exception ex, CommandLine cl, CommandLine.ParseResult parseResult) {
    boolean debug = parseResult.hasMatchedOption("--debug")
        || parseResult.subcommands().stream().anyMatch(p -> p.hasMatchedOption("--debug"));
    Throwable cause = ex;
    while (cause != null && !(cause instanceof BadInputException)) {
      cause = cause.getCause();
    }
    if (cause instanceof BadInputException bad) {
      cl.getErr().println("pilotpool: " + bad.oneLine());
      if (debug) {
        ex.printStackTrace(cl.getErr());
      }
      return EXIT_BAD_INPUT;
    }
    cl.getErr().println("pilotpool: internal error: " + ex);
    if (debug) {
      ex.printStackTrace(cl.getErr());
    } else {
      cl.getErr().println("(run again with --debug for the stack trace)");
    }
    return 1;
  }

  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      String v = Main.class.getPackage().getImplementationVersion();
      return new String[] {"pilotpool " + (v == null ? "development build" : v)};
    }
  }
}
