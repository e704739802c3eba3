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

  /** The real process: its working directory, environment and terminal. */
  public static CliEnvironment system() {
    boolean terminal = System.console() != null && !"dumb".equals(System.getenv("TERM"));
    return new CliEnvironment(Path.of(""), System.getenv(), terminal, terminal);
  }

  /** A non-interactive environment rooted at {@code directory} with no variables set. */
  public static CliEnvironment plain(Path directory) {
    return new CliEnvironment(directory, Map.of(), false, false);
  }

  public String variable(String name) {
    return variables.get(name);
  }
}
