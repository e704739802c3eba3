package dev.greenlight.linter.rules;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.Rule;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The whole rule catalogue as an explicit list (no classpath scanning, so startup stays cheap and a
 * forgotten rule is a failing test, not a silent gap).
 *
 * <p>Contract for the engine and the CLI:
 *
 * <ul>
 *   <li>{@link #descriptors()} lists every catalogue id in catalogue order: the runnable rules,
 *       then the meta ids the engine emits ({@link #UNPARSED_STATEMENT}, {@link
 *       #UNUSED_SUPPRESSION}) and the ids {@code verify} emits ({@link #OBSERVED_EXCLUSIVE_LOCK}
 *       …). {@code greenlight rules} prints exactly this list.
 *   <li>{@link #find(String)} looks an id up; {@link #nearestId(String)} proposes the closest known
 *       id for "did you mean …?" messages (configuration keys, suppression comments).
 *   <li>{@link #rules()} are the runnable rules the {@code Analyzer} dispatches statements to.
 * </ul>
 */
public final class RuleRegistry {

  public static final RuleDescriptor UNPARSED_STATEMENT =
      RuleDescriptor.of(
          "unparsed-statement",
          Severity.WARNING,
          Category.META,
          "A statement the linter could not analyze");
  public static final RuleDescriptor UNUSED_SUPPRESSION =
      RuleDescriptor.of(
          "unused-suppression",
          Severity.WARNING,
          Category.META,
          "A suppression comment that matched no finding");

  public static final RuleDescriptor OBSERVED_EXCLUSIVE_LOCK =
      RuleDescriptor.of(
          "observed-exclusive-lock",
          Severity.ERROR,
          Category.OBSERVED,
          "A pending statement held a lock that conflicts with application traffic on an existing"
              + " table");
  public static final RuleDescriptor OBSERVED_TABLE_REWRITE =
      RuleDescriptor.of(
          "observed-table-rewrite",
          Severity.ERROR,
          Category.OBSERVED,
          "A table or index was rewritten (relfilenode changed)");
  public static final RuleDescriptor OBSERVED_FAILURE =
      RuleDescriptor.of(
          "observed-failure",
          Severity.ERROR,
          Category.OBSERVED,
          "A pending statement failed on the real server");
  public static final RuleDescriptor OLD_QUERY_BREAKS =
      RuleDescriptor.of(
          "old-query-breaks",
          Severity.ERROR,
          Category.OBSERVED,
          "A statement of the running release no longer prepares against the migrated schema");
  public static final RuleDescriptor NEW_QUERY_NEEDS_MIGRATION =
      RuleDescriptor.of(
          "new-query-needs-migration",
          Severity.WARNING,
          Category.OBSERVED,
          "A statement of the new release does not prepare against the old schema");

  private static final RuleRegistry STANDARD = new RuleRegistry(RuleList.all());

  private final List<Rule> rules;
  private final Map<String, RuleDescriptor> byId;

  private RuleRegistry(List<Rule> rules) {
    this.rules = List.copyOf(rules);
    Map<String, RuleDescriptor> ids = new LinkedHashMap<>();
    List<RuleDescriptor> all = new ArrayList<>();
    for (Rule rule : rules) {
      all.add(rule.descriptor());
    }
    all.addAll(
        List.of(
            UNPARSED_STATEMENT,
            UNUSED_SUPPRESSION,
            OBSERVED_EXCLUSIVE_LOCK,
            OBSERVED_TABLE_REWRITE,
            OBSERVED_FAILURE,
            OLD_QUERY_BREAKS,
            NEW_QUERY_NEEDS_MIGRATION));
    for (RuleDescriptor d : all) {
      if (ids.put(d.id(), d) != null) {
        throw new IllegalStateException("rule id registered twice: " + d.id());
      }
    }
    this.byId = Collections.unmodifiableMap(ids);
  }

  /** The registry of every rule Greenlight ships. */
  public static RuleRegistry standard() {
    return STANDARD;
  }

  /** The runnable rules, in catalogue order. */
  public List<Rule> rules() {
    return rules;
  }

  /** Every catalogue id (runnable rules, meta ids, verify ids) in catalogue order. */
  public List<RuleDescriptor> descriptors() {
    return List.copyOf(byId.values());
  }

  /** The descriptor of {@code id}, exact match. */
  public Optional<RuleDescriptor> find(String id) {
    return Optional.ofNullable(id == null ? null : byId.get(id));
  }

  /**
   * The known id closest to {@code unknown} (edit distance, at most a third of its length and at
   * least 3 edits allowed), for "did you mean …?"; empty when nothing is close.
   */
  public Optional<String> nearestId(String unknown) {
    if (unknown == null || unknown.isBlank()) {
      return Optional.empty();
    }
    String wanted = unknown.trim().toLowerCase(Locale.ROOT).replace('_', '-');
    String best = null;
    int bestDistance = Integer.MAX_VALUE;
    for (String id : byId.keySet()) {
      int d = EditDistance.between(wanted, id);
      if (d < bestDistance) {
        bestDistance = d;
        best = id;
      }
    }
    int allowed = Math.max(3, wanted.length() / 3);
    return bestDistance <= allowed ? Optional.of(best) : Optional.empty();
  }
}
