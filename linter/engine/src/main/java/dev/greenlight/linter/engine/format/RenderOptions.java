package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Severity;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.function.Function;

/**
 * Everything a renderer may need besides the report itself.
 *
 * @param color ANSI colours in the text format
 * @param helpBaseUrl when not blank, findings link to {@code <base>/<rule-id>}
 * @param failOn the level at which findings fail the run (JUnit marks those as failures)
 * @param sources the text of a reported path, for code frames; empty when unreadable
 * @param ruleDocs descriptions of rules, for formats that list rules (SARIF)
 */
public record RenderOptions(
    boolean color,
    String helpBaseUrl,
    Severity failOn,
    Function<String, Optional<String>> sources,
    Function<String, Optional<RuleDoc>> ruleDocs) {

  public RenderOptions {
    helpBaseUrl = helpBaseUrl == null ? "" : helpBaseUrl.trim();
    failOn = failOn == null ? Severity.ERROR : failOn;
    sources = sources == null ? path -> Optional.empty() : sources;
    ruleDocs = ruleDocs == null ? id -> Optional.empty() : ruleDocs;
  }

  /** Plain output, no links, sources read from disk relative to the working directory. */
  public static RenderOptions defaults() {
    return new RenderOptions(false, "", Severity.ERROR, RenderOptions::readSource, null);
  }

  public RenderOptions withColor(boolean enabled) {
    return new RenderOptions(enabled, helpBaseUrl, failOn, sources, ruleDocs);
  }

  public RenderOptions withHelpBaseUrl(String url) {
    return new RenderOptions(color, url, failOn, sources, ruleDocs);
  }

  public RenderOptions withFailOn(Severity level) {
    return new RenderOptions(color, helpBaseUrl, level, sources, ruleDocs);
  }

  public RenderOptions withSources(Function<String, Optional<String>> lookup) {
    return new RenderOptions(color, helpBaseUrl, failOn, lookup, ruleDocs);
  }

  public RenderOptions withRuleDocs(Function<String, Optional<RuleDoc>> lookup) {
    return new RenderOptions(color, helpBaseUrl, failOn, sources, lookup);
  }

  /** The link to a rule's page, or empty when no base URL is configured. */
  public String ruleUrl(String ruleId) {
    if (helpBaseUrl.isEmpty()) {
      return "";
    }
    return helpBaseUrl.endsWith("/") ? helpBaseUrl + ruleId : helpBaseUrl + "/" + ruleId;
  }

  /** Reads a reported path as UTF-8 text, empty when it cannot be read. */
  public static Optional<String> readSource(String path) {
    try {
      return Optional.of(Files.readString(Path.of(path), StandardCharsets.UTF_8));
    } catch (IOException | RuntimeException e) {
      return Optional.empty();
    }
  }
}
