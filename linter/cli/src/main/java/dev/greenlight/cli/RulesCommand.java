package dev.greenlight.cli;

import dev.greenlight.linter.engine.format.JsonWriter;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** {@code greenlight rules}: the catalogue with id, default severity, category and summary. */
@Command(
    name = "rules",
    mixinStandardHelpOptions = true,
    description = "List every rule: id, default severity, category, summary.")
public final class RulesCommand implements Callable<Integer> {

  /** The formats this command writes. */
  enum ListFormat {
    text,
    json
  }

  @Option(
      names = "--format",
      defaultValue = "text",
      description = "Output format: ${COMPLETION-CANDIDATES} (default: ${DEFAULT-VALUE}).")
  ListFormat format;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  @Override
  public Integer call() {
    List<RuleDescriptor> rules = RuleRegistry.standard().descriptors();
    PrintWriter out = spec.commandLine().getOut();
    if (format == ListFormat.json) {
      StringBuilder sb = new StringBuilder();
      JsonWriter json = new JsonWriter(sb);
      json.beginArray();
      for (RuleDescriptor r : rules) {
        json.beginObject()
            .field("id", r.id())
            .field("severity", r.defaultSeverity().id())
            .field("category", r.category().id())
            .field("summary", r.summary())
            .endObject();
      }
      json.endArray();
      out.print(sb);
    } else {
      int width = rules.stream().mapToInt(r -> r.id().length()).max().orElse(10);
      out.println(
          pad("RULE", width) + "  " + pad("SEVERITY", 8) + "  " + pad("CATEGORY", 8) + "  SUMMARY");
      for (RuleDescriptor r : rules) {
        out.println(
            pad(r.id(), width)
                + "  "
                + pad(r.defaultSeverity().id(), 8)
                + "  "
                + pad(r.category().id(), 8)
                + "  "
                + r.summary());
      }
    }
    out.flush();
    return ExitCodes.OK;
  }

  private static String pad(String text, int width) {
    return text.length() >= width ? text : text + " ".repeat(width - text.length());
  }
}
