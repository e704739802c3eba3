package dev.greenlight.linter.engine;

import dev.greenlight.linter.engine.suppress.FileSuppressions;
import dev.greenlight.linter.engine.suppress.SuppressionComments;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Turns linted files into the report: configured severities (and {@code off}), {@code
 * unparsed-statement} findings, suppressions and {@code unused-suppression}, order by
 * path/line/column, summary.
 */
public final class ReportAssembler {
  /** The order of findings in every report. */
  public static final Comparator<Finding> ORDER = ReportAssembler::compare;

  /** Rules that compare against the {@code --since} ref and run only with it. */
  private static final java.util.Set<String> GIT_RULES =
      java.util.Set.of("ban-edit-applied-migration", "require-monotonic-version");

  private final RuleRegistry registry;
  private final LintOptions options;

  public ReportAssembler(RuleRegistry registry, LintOptions options) {
    this.registry = registry;
    this.options = options;
  }

  /** The report of {@code files} plus findings that belong to no single file's statements. */
  public Report assemble(List<LintedFile> files, List<Finding> setFindings, String toolVersion) {
    List<MigrationInfo> migrations = new ArrayList<>(files.size());
    List<Finding> findings = new ArrayList<>();
    Map<String, FileSuppressions> byPath = new HashMap<>();
    for (LintedFile file : files) {
      migrations.add(file.migration());
      FileSuppressions suppressions =
          new FileSuppressions(
              file.path(),
              SuppressionComments.parse(file.comments(), file.statements()),
              options.requireSuppressionReason(),
              id -> registry.find(id).isPresent(),
              registry::nearestId);
      byPath.put(file.path(), suppressions);
      for (Finding f : file.findings()) {
        configured(f).map(suppressions::apply).ifPresent(findings::add);
      }
      RuleDescriptor unparsed = RuleRegistry.UNPARSED_STATEMENT;
      for (LintedFile.Unparsed u : file.unparsed()) {
        Finding f =
            new Finding(
                unparsed.id(),
                unparsed.severity(),
                unparsed.category(),
                "Statement could not be analyzed: " + u.reason(),
                "Check the statement by hand; report the construct if it is valid PostgreSQL",
                file.path(),
                u.region().line(),
                u.region().column(),
                u.region().endLine(),
                u.region().endColumn(),
                false);
        configured(f).map(suppressions::apply).ifPresent(findings::add);
      }
    }
    for (Finding f : setFindings) {
      FileSuppressions suppressions = byPath.get(f.path());
      configured(f)
          .map(c -> suppressions == null ? c : suppressions.apply(c))
          .ifPresent(findings::add);
    }
    for (FileSuppressions suppressions : byPath.values()) {
      for (Finding leftover : suppressions.leftovers(this::ran)) {
        configured(leftover).ifPresent(findings::add);
      }
    }
    findings.sort(ORDER);
    migrations.sort(Comparator.comparing(MigrationInfo::path));
    return Report.of(toolVersion, options.pgVersion(), migrations, findings);
  }

  private static int compare(Finding a, Finding b) {
    int c = a.path().compareTo(b.path());
    if (c == 0) {
      c = Integer.compare(a.line(), b.line());
    }
    if (c == 0) {
      c = Integer.compare(a.column(), b.column());
    }
    if (c == 0) {
      c = a.rule().compareTo(b.rule());
    }
    return c != 0 ? c : a.message().compareTo(b.message());
  }

  /** The finding at its configured severity, empty when its rule is configured off. */
  private Optional<Finding> configured(Finding f) {
    Severity configured = options.severities().get(f.rule());
    if (configured == null) {
      return Optional.of(f);
    }
    if (configured == Severity.OFF) {
      return Optional.empty();
    }
    return Optional.of(configured == f.severity() ? f : f.withSeverity(configured));
  }

  /** Whether a rule ran in this configuration (an unused suppression of an idle rule is fine). */
  private boolean ran(String ruleId) {
    return registry.find(ruleId).map(this::enabled).orElse(false);
  }

  private boolean enabled(RuleDescriptor d) {
    if (d.category() == dev.greenlight.linter.report.Category.OBSERVED) {
      return false; // verify's findings, never produced by lint
    }
    if (GIT_RULES.contains(d.id()) && options.since().isEmpty()) {
      return false;
    }
    Severity configured = options.severities().get(d.id());
    return configured == null ? d.enabledByDefault() : configured != Severity.OFF;
  }
}
