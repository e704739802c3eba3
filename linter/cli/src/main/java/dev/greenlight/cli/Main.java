package dev.greenlight.cli;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

/** The {@code greenlight} executable. */
public final class Main {
  private Main() {}

  public static void main(String[] args) {
    if (args.length > 0 && args[0].equals("lint")) {
      // Load the linter's classes on the other core while picocli reads the command line.
      Thread warmUp = new Thread(dev.greenlight.linter.engine.Linter::warmUp, "greenlight-warm-up");
      warmUp.setDaemon(true);
      warmUp.start();
    }
    PrintStream out =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.out),
            false,
            StandardCharsets.UTF_8);
    PrintStream err =
        new PrintStream(
            new java.io.FileOutputStream(java.io.FileDescriptor.err), true, StandardCharsets.UTF_8);
    System.exit(run(args, out, err, CliEnvironment.system()));
  }

  /**
   * Runs one command line and returns its exit code: 0 nothing at or above the fail level, 1
   * findings at or above it, 2 usage, configuration or I/O errors.
   */
  public static int run(String[] args, PrintStream out, PrintStream err, CliEnvironment env) {
    picocli.CommandLine commandLine = GreenlightCommand.commandLine(out, err, env, args);
    try {
      return commandLine.execute(args);
    } finally {
      commandLine.getOut().flush();
      commandLine.getErr().flush();
      out.flush();
      err.flush();
    }
  }
}
