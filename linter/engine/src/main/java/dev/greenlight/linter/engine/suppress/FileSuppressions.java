package dev.greenlight.linter.engine.suppress;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.Predicate;

/**
 * The suppressions of one file: marks the findings they cover as suppressed and afterwards reports
 * the directives that matched nothing, name an unknown rule or lack a reason, as {@code
 * unused-suppression} findings.
 */
public final class FileSuppressions {
  private static final RuleDescriptor UNUSED = RuleRegistry.UNUSED_SUPPRESSION;

  private final String path;
  private final List<Suppression> active = new ArrayList<>();
  private final List<boolean[]> used = new ArrayList<>();
  private final List<Finding> problems = new ArrayList<>();

  /**
   * @param known whether a rule id exists
   * @param nearest the closest known id to an unknown one
   * @param requireReason whether a directive without {@code reason:} is rejected
   */
  public FileSuppressions(
      String path,
      SuppressionComments.Parsed parsed,
      boolean requireReason,
      Predicate<String> known,
      Function<String, Optional<String>> nearest) {
    this.path = path;
    for (SuppressionComments.Problem p : parsed.problems()) {
      problems.add(
          meta(p.region(), p.message(), "Write -- greenlight:ignore <rule-id> reason: <why>"));
    }
    for (Suppression s : parsed.suppressions()) {
      String directive = s.wholeFile() ? "greenlight:ignore-file" : "greenlight:ignore";
      List<String> ids = new ArrayList<>();
      for (String id : s.ruleIds()) {
        if (known.test(id)) {
          ids.add(id);
        } else {
          String hint = nearest.apply(id).map(n -> " (did you mean " + n + "?)").orElse("");
          problems.add(
              meta(
                  s.comment(),
                  "unknown rule id " + id + hint,
                  "Use an id listed by `greenlight rules`"));
        }
      }
      if (ids.isEmpty()) {
        continue;
      }
      if (requireReason && s.reason().isEmpty()) {
        problems.add(
            meta(
                s.comment(),
                directive + " " + String.join(", ", ids) + " has no reason, so it does not apply",
                "Add `reason: <why this is safe>` after the rule ids (or set"
                    + " require-suppression-reason = false in greenlight.toml)"));
        continue;
      }
      if (!s.wholeFile() && s.target() == null) {
        problems.add(
            meta(
                s.comment(),
                directive + " " + String.join(", ", ids) + " is not followed by a statement",
                "Put the comment directly above the statement it suppresses"));
        continue;
      }
      active.add(new Suppression(s.wholeFile(), ids, s.reason(), s.comment(), s.target()));
      used.add(new boolean[ids.size()]);
    }
  }

  /** The finding, marked suppressed when a directive covers it (and that directive as used). */
  public Finding apply(Finding finding) {
    boolean covered = false;
    for (int i = 0; i < active.size(); i++) {
      Suppression s = active.get(i);
      if (s.covers(finding.rule(), finding.line(), finding.column())) {
        used.get(i)[s.ruleIds().indexOf(finding.rule())] = true;
        covered = true;
      }
    }
    return covered && !finding.suppressed() ? finding.asSuppressed() : finding;
  }

  /**
   * Malformed directives and the ids of well-formed ones that matched no finding; ids of rules that
   * did not run ({@code active} false) are not reported as unused.
   */
  public List<Finding> leftovers(Predicate<String> ruleRan) {
    List<Finding> out = new ArrayList<>(problems);
    for (int i = 0; i < active.size(); i++) {
      Suppression s = active.get(i);
      for (int j = 0; j < s.ruleIds().size(); j++) {
        String id = s.ruleIds().get(j);
        if (!used.get(i)[j] && ruleRan.test(id)) {
          String scope = s.wholeFile() ? "in this file" : "in the next statement";
          out.add(
              meta(
                  s.comment(),
                  "suppression of " + id + " matched no finding " + scope,
                  "Remove " + id + " from the comment"));
        }
      }
    }
    return out;
  }

  private Finding meta(Region region, String message, String help) {
    return new Finding(
        UNUSED.id(),
        UNUSED.severity(),
        UNUSED.category(),
        message,
        help,
        path,
        region.line(),
        region.column(),
        region.endLine(),
        region.endColumn(),
        false);
  }
}
