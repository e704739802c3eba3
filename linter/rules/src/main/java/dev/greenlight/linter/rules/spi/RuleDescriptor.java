package dev.greenlight.linter.rules.spi;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * The public identity of a catalogue entry, declared once per rule as a static constant.
 *
 * @param id kebab-case, the name users write in suppressions and configuration
 * @param summary one line, no trailing period (shown by {@code greenlight rules})
 * @param severity the severity a finding carries when the configuration does not override it; for
 *     rules that are off by default, the severity they report with once enabled
 * @param category the catalogue section
 * @param enabledByDefault false for rules listed as {@code off} in the catalogue: they run only
 *     when the configuration gives them a severity
 */
public record RuleDescriptor(
    String id, String summary, Severity severity, Category category, boolean enabledByDefault) {

  private static final Pattern KEBAB = Pattern.compile("[a-z][a-z0-9]*(-[a-z0-9]+)*");

  public RuleDescriptor {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(summary, "summary");
    Objects.requireNonNull(severity, "severity");
    Objects.requireNonNull(category, "category");
    if (severity == Severity.OFF) {
      throw new IllegalArgumentException(
          id + ": give the severity used once enabled and enabledByDefault=false instead of OFF");
    }
  }

  /** A rule that runs by default. */
  public static RuleDescriptor of(String id, Severity severity, Category category, String summary) {
    return new RuleDescriptor(id, summary, severity, category, true);
  }

  /** A rule listed as {@code off}: runs only when the configuration gives it a severity. */
  public static RuleDescriptor off(
      String id, Severity severityWhenEnabled, Category category, String summary) {
    return new RuleDescriptor(id, summary, severityWhenEnabled, category, false);
  }

  /** The severity {@code greenlight rules} shows: {@link Severity#OFF} for disabled-by-default. */
  public Severity defaultSeverity() {
    return enabledByDefault ? severity : Severity.OFF;
  }

  /** True when {@code text} is a well-formed rule id (lower-case words joined by hyphens). */
  public static boolean isKebabCase(String text) {
    return text != null && KEBAB.matcher(text).matches();
  }
}
