package dev.greenlight.cli;

import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Parameters;

/** {@code greenlight explain <rule-id>}: prints the rule's page (docs/rules/<id>.md). */
@Command(
    name = "explain",
    mixinStandardHelpOptions = true,
    description = "Print a rule's page: the problem, the safe alternative, when to suppress.")
public final class ExplainCommand implements Callable<Integer> {

  @Parameters(
      index = "0",
      paramLabel = "<rule-id>",
      description = "A rule id, e.g. ban-drop-column.")
  String ruleId;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    RuleRegistry registry = RuleRegistry.standard();
    Optional<RuleDescriptor> rule = registry.find(ruleId);
    if (rule.isEmpty()) {
      String hint = registry.nearestId(ruleId).map(n -> " (did you mean " + n + "?)").orElse("");
      throw new ExitException(
          ExitCodes.USAGE,
          "unknown rule id " + ruleId + hint + "; 'greenlight rules' lists every id");
    }
    PrintWriter out = spec.commandLine().getOut();
    Optional<String> page = page(ruleId);
    if (page.isPresent()) {
      out.print(page.get());
    } else {
      RuleDescriptor d = rule.get();
      out.println("# " + d.id());
      out.println();
      out.println(
          "**Category:** "
              + d.category().id()
              + " · **Default severity:** "
              + d.defaultSeverity().id());
      out.println();
      out.println(d.summary() + ".");
    }
    out.flush();
    return ExitCodes.OK;
  }

  /** The page packaged from docs/rules at build time. */
  static Optional<String> page(String id) {
    try (InputStream in = ExplainCommand.class.getResourceAsStream("/docs/rules/" + id + ".md")) {
      if (in == null) {
        return Optional.empty();
      }
      return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      return Optional.empty();
    }
  }
}
