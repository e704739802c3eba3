package dev.greenlight.cli;

import java.nio.file.Path;
import java.util.Map;

/**
 * What the commands read from the process around them, so tests can give their own.
 *
 * @param workingDirectory where relative paths start and {@code greenlight.toml} is looked for
 * @param variables environment variables ({@code GITHUB_ACTIONS}, …)
 * @param stdoutIsTerminal colours in text output
 * @param stderrIsTerminal the progress bar
 */
public record CliEnvironment(
    Path workingDirectory,
    Map<String, String> variables,
    boolean stdoutIsTerminal,
    boolean stderrIsTerminal) {

  public CliEnvironment {
    workingDirectory = workingDirectory.toAbsolutePath().normalize();
    variables = Map.copyOf(variables);
  }

  /**
   * The real process: its working directory, environment and terminal. Java only knows whether
   * stdin and stdout are both terminals, so {@code bin/greenlight} tells it about stdout and stderr
   * one by one ({@code -Dgreenlight.stdout.tty}, {@code -Dgreenlight.stderr.tty}): a progress bar
   * belongs on a terminal's stderr even when the report goes to a file or a pipe.
   */
  public static CliEnvironment system() {
    boolean dumb = "dumb".equals(System.getenv("TERM"));
    boolean console = System.console() != null;
    return new CliEnvironment(
        Path.of(""),
        System.getenv(),
        !dumb && tty("greenlight.stdout.tty", console),
        !dumb && tty("greenlight.stderr.tty", console));
  }

  private static boolean tty(String property, boolean fallback) {
    String told = System.getProperty(property);
    return told == null ? fallback : Boolean.parseBoolean(told);
  }

  /** A non-interactive environment rooted at {@code directory} with no variables set. */
  public static CliEnvironment plain(Path directory) {
    return new CliEnvironment(directory, Map.of(), false, false);
  }

  /** {@code path} as the user meant it: relative to the working directory, normalized. */
  public Path resolve(Path path) {
    return workingDirectory.resolve(path).normalize();
  }

  public String variable(String name) {
    return variables.get(name);
  }
}
