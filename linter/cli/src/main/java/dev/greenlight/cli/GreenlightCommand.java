package dev.greenlight.cli;

import java.io.PrintStream;
import java.io.PrintWriter;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The top-level {@code greenlight} command: only dispatches to its subcommands. */
@Command(
    name = "greenlight",
    mixinStandardHelpOptions = true,
    versionProvider = GreenlightCommand.Version.class,
    description = "Makes blue-green deployments of JVM services safe to switch.")
public final class GreenlightCommand implements Runnable {
  public static final String VERSION = "0.1.0";

  /** The subcommands, one class each. Add new ones to this list. */
  static final List<Class<?>> SUBCOMMANDS =
      List.of(
          LintCommand.class,
          VerifyCommand.class,
          RulesCommand.class,
          ExplainCommand.class,
          CompletionCommand.class,
          CommandLine.HelpCommand.class);

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public void run() {
    throw new CommandLine.ParameterException(
        spec.commandLine(), "a command is required (lint, verify, rules, explain, completion)");
  }

  /**
   * The command line with output streams, environment and error handling set up. When {@code args}
   * start with a subcommand's name, only that subcommand is modelled: picocli reads every
   * registered command's annotations up front, and a lint run should not pay for verify's.
   */
  static CommandLine commandLine(
      PrintStream out, PrintStream err, CliEnvironment env, String[] args) {
    Factory factory = new Factory(env);
    CommandLine cl = new CommandLine(new GreenlightCommand(), factory);
    String first = args.length > 0 ? args[0] : "";
    boolean onlyOne =
        !first.equals("completion")
            && !first.equals("help")
            && SUBCOMMANDS.stream().anyMatch(c -> nameOf(c).equals(first));
    for (Class<?> type : SUBCOMMANDS) {
      if (!onlyOne || nameOf(type).equals(first)) {
        try {
          cl.addSubcommand(nameOf(type), factory.create(type));
        } catch (Exception e) {
          throw new IllegalStateException("cannot create the " + nameOf(type) + " command", e);
        }
      }
    }
    cl.setOut(utf8(out, false));
    cl.setErr(utf8(err, true));
    cl.setCaseInsensitiveEnumValuesAllowed(true);
    cl.setParameterExceptionHandler(GreenlightCommand::usageError);
    cl.setExecutionExceptionHandler(
        (ex, commandLine, parseResult) -> {
          if (ex instanceof ExitException exit) {
            for (String line : exit.getMessage().split("\n")) {
              commandLine.getErr().println("greenlight: " + line);
            }
            return exit.code();
          }
          commandLine.getErr().println("greenlight: internal error: " + ex);
          return ExitCodes.USAGE;
        });
    return cl;
  }

  private static String nameOf(Class<?> type) {
    return type.getAnnotation(Command.class).name();
  }

  /** Reports may hold any character: always UTF-8, whatever the platform's default charset. */
  private static PrintWriter utf8(PrintStream stream, boolean autoFlush) {
    return new Utf8Writer(stream, autoFlush);
  }

  private static int usageError(CommandLine.ParameterException ex, String[] args) {
    CommandLine cl = ex.getCommandLine();
    cl.getErr().println("greenlight: " + ex.getMessage());
    cl.getErr().println("Run '" + cl.getCommandSpec().qualifiedName() + " --help' for usage.");
    return ExitCodes.USAGE;
  }

  /** Prints {@link #VERSION}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() {
      return new String[] {"greenlight " + VERSION};
    }
  }

  /** Hands each command the environment; picocli instantiates them. */
  private record Factory(CliEnvironment env) implements CommandLine.IFactory {
    @Override
    public <K> K create(Class<K> type) throws Exception {
      // Commands that read the environment take it in a (CliEnvironment) constructor.
      for (java.lang.reflect.Constructor<?> c : type.getDeclaredConstructors()) {
        if (c.getParameterCount() == 1 && c.getParameterTypes()[0] == CliEnvironment.class) {
          c.setAccessible(true);
          return type.cast(c.newInstance(env));
        }
      }
      return CommandLine.defaultFactory().create(type);
    }
  }
}
