package dev.greenlight.cli;

import java.util.concurrent.Callable;
import picocli.AutoComplete;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** {@code greenlight completion}: a bash/zsh completion script for every command and option. */
@Command(
    name = "completion",
    mixinStandardHelpOptions = true,
    description = {
      "Print a bash completion script (zsh: autoload bashcompinit first).",
      "Use: source <(greenlight completion)"
    })
public final class CompletionCommand implements Callable<Integer> {

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    CommandLine root = spec.root().commandLine();
    root.getOut().print(AutoComplete.bash("greenlight", root));
    root.getOut().flush();
    return ExitCodes.OK;
  }
}
