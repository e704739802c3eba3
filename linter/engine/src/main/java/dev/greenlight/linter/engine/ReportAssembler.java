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
    List<LintedFile> ordered = new ArrayList<>(files);
    ordered.sort(Comparator.comparing(LintedFile::path));
    Map<String, List<Finding>> setFindingsByPath = new HashMap<>();
    for (Finding f : setFindings) {
      setFindingsByPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
    }
    List<MigrationInfo> migrations = new ArrayList<>(ordered.size());
    // Files are handled in path order and each file's findings sorted on their own: sorting
    // tens of thousands of findings at once is a visible part of a cold run.
    java.util.TreeMap<String, List<Finding>> findingsByPath = new java.util.TreeMap<>();
    for (LintedFile file : ordered) {
      migrations.add(file.migration());
      FileSuppressions suppressions =
          new FileSuppressions(
              file.path(),
              SuppressionComments.parse(file.comments(), file.statements()),
              options.requireSuppressionReason(),
              id -> registry.find(id).isPresent(),
              registry::nearestId);
      List<Finding> out = new ArrayList<>(file.findings().size());
      for (Finding f : file.findings()) {
        add(out, configured(f), suppressions);
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
        add(out, configured(f), suppressions);
      }
      List<Finding> ofSet = setFindingsByPath.remove(file.path());
      if (ofSet != null) {
        for (Finding f : ofSet) {
          add(out, configured(f), suppressions);
        }
      }
      for (Finding leftover : suppressions.leftovers(this::ran)) {
        add(out, configured(leftover), null);
      }
      out.sort(ORDER);
      findingsByPath.put(file.path(), out);
    }
    // Set findings about files that are not linted (deleted since the --since ref, unchanged).
    for (Map.Entry<String, List<Finding>> e : setFindingsByPath.entrySet()) {
      List<Finding> out = new ArrayList<>();
      for (Finding f : e.getValue()) {
        add(out, configured(f), null);
      }
      out.sort(ORDER);
      findingsByPath.merge(
          e.getKey(),
          out,
          (a, b) -> {
            List<Finding> merged = new ArrayList<>(a);
            merged.addAll(b);
            merged.sort(ORDER);
            return merged;
          });
    }
    List<Finding> findings = new ArrayList<>();
    for (List<Finding> list : findingsByPath.values()) {
      findings.addAll(list);
    }
    return Report.of(toolVersion, options.pgVersion(), migrations, findings);
  }

  private static void add(List<Finding> out, Finding configured, FileSuppressions suppressions) {
    if (configured != null) {
      out.add(suppressions == null ? configured : suppressions.apply(configured));
    }
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

  /**
   * {@code report} with the configured severities of {@code greenlight.toml} applied: a finding of
   * a rule configured {@code off} is dropped, others take the configured severity; the summary is
   * recounted. {@code verify} uses it for its observed findings, as lint does for its own.
   */
  public static Report withSeverities(Report report, Map<String, Severity> severities) {
    if (severities.isEmpty()) {
      return report;
    }
    List<Finding> kept = new ArrayList<>(report.findings().size());
    for (Finding f : report.findings()) {
      Finding c = configured(f, severities);
      if (c != null) {
        kept.add(c);
      }
    }
    return Report.of(report.toolVersion(), report.postgresVersion(), report.migrations(), kept);
  }

  /** The finding at its configured severity, null when its rule is configured off. */
  private Finding configured(Finding f) {
    return configured(f, options.severities());
  }

  private static Finding configured(Finding f, Map<String, Severity> severities) {
    Severity configured = severities.get(f.rule());
    if (configured == null) {
      return f;
    }
    if (configured == Severity.OFF) {
      return null;
    }
    return configured == f.severity() ? f : f.withSeverity(configured);
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
