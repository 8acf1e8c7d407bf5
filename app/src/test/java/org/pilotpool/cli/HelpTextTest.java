package org.pilotpool.cli;

import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.CommandSpec;

/** The help of every command, as a user asks for it. */
class HelpTextTest {

  @Test
  void everyHelpTextIsAFormatStringPicocliCanRender() {
    // Picocli passes headers and descriptions through String.format; one that does not format
    // (a bare % sign) prints a warning above the help and the raw text in it.
    for (CommandSpec command : allCommands()) {
      List<String> texts = new ArrayList<>();
      texts.addAll(List.of(command.usageMessage().header()));
      texts.addAll(List.of(command.usageMessage().description()));
      texts.addAll(List.of(command.usageMessage().footer()));
      for (ArgSpec arg : command.args()) {
        texts.addAll(List.of(arg.description()));
      }
      for (String text : texts) {
        assertDoesNotThrow(() -> String.format(Locale.ROOT, text),
            command.qualifiedName() + ": " + text);
      }
    }
  }

  @Test
  void everyCommandPrintsItsHelpWithExitZero() {
    for (CommandSpec command : allCommands()) {
      List<String> args = new ArrayList<>(List.of(command.qualifiedName(" ").split(" ")));
      args.remove(0);
      if (args.contains("help")) {
        continue;
      }
      args.add("--help");
      RunCommandTest.Outcome o = RunCommandTest.cli(args.toArray(String[]::new));
      assertTrue(o.code() == 0 && o.out().contains("Usage: " + command.qualifiedName(" ")),
          args + " gave " + o.code() + ": " + o.out() + o.err());
    }
  }

  private static List<CommandSpec> allCommands() {
    List<CommandSpec> out = new ArrayList<>();
    collect(Main.commandLine(), out);
    return out;
  }

  private static void collect(CommandLine cl, List<CommandSpec> out) {
    out.add(cl.getCommandSpec());
    cl.getSubcommands().values().forEach(sub -> collect(sub, out));
  }
}
