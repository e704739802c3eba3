package dev.greenlight.linter.rules.analysis;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.flyway.RunnerMode;
import dev.greenlight.linter.flyway.TransactionPlan;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.spi.GitBaseline;
import dev.greenlight.linter.rules.spi.MigrationFacts;
import dev.greenlight.linter.rules.spi.MigrationSetContext;
import dev.greenlight.linter.rules.spi.MigrationSetRule;
import dev.greenlight.linter.rules.spi.Rule;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs the rule catalogue over a set of migration files. This is the entry point the engine calls.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Input: every migration file of the project, versioned files in Flyway version order, then
 *       repeatable ones (the schema is replayed in that order, so pass all files even when only
 *       some are linted).
 *   <li>With {@link RuleOptions#baseline()} ({@code --since}): files whose path and checksum are
 *       unchanged since the ref are replayed as deployed but produce no statement findings; the
 *       objects created by changed or new files count as new. {@code ban-edit-applied-migration}
 *       and {@code require-monotonic-version} compare the files with the baseline.
 *   <li>Output: raw findings in file order, not suppressed, with the rule's default severity (the
 *       engine applies configured severities, suppressions and the fail level). Only rules enabled
 *       by {@link RuleOptions#isEnabled} run. One exception to "default severity": {@code
 *       ban-mixed-transactional-statements} reports WARNING when the file sets {@code mixed=true},
 *       as the catalogue says.
 *   <li>The meta findings {@code unparsed-statement} and {@code unused-suppression} are the
 *       engine's: the analyzer never emits them.
 * </ul>
 */
public final class Analyzer {

  private static final Comparator<Finding> BY_POSITION =
      Comparator.comparingInt(Finding::line)
          .thenComparingInt(Finding::column)
          .thenComparing(Finding::rule);

  private final List<StatementRule> statementRules = new ArrayList<>();
  private final List<MigrationSetRule> setRules = new ArrayList<>();

  /** An analyzer over the given rules (tests use a single rule). */
  public Analyzer(List<Rule> rules) {
    for (Rule rule : rules) {
      if (rule instanceof StatementRule s) {
        statementRules.add(s);
      } else if (rule instanceof MigrationSetRule m) {
        setRules.add(m);
      }
    }
  }

  /** The analyzer of the whole catalogue. */
  public static Analyzer standard() {
    return new Analyzer(RuleRegistry.standard().rules());
  }

  /** Analyzes {@code migrations} (in run order) and returns the raw findings. */
  public List<Finding> analyze(List<MigrationSource> migrations, RuleOptions options) {
    Map<StatementKind, List<StatementRule>> byKind = new EnumMap<>(StatementKind.class);
    for (StatementRule rule : statementRules) {
      if (options.isEnabled(rule.descriptor())) {
        for (StatementKind kind : rule.kinds()) {
          byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(rule);
        }
      }
    }
    List<Finding> findings = new ArrayList<>();
    SchemaReplay schema = new SchemaReplay();
    AtomicInteger transactionIds = new AtomicInteger();
    List<MigrationFacts> facts = new ArrayList<>();
    for (MigrationSource migration : migrations) {
      TransactionPlan plan =
          TransactionPlan.plan(
              migration.statements(),
              frontEndRunner(options),
              migration.config(),
              options.pgVersion(),
              transactionIds);
      MigrationFacts fact =
          new MigrationFacts(
              migration.path(),
              migration.version(),
              migration.sha256(),
              plan.transactional(),
              migration.config().executeInTransaction(),
              migration.mixed());
      facts.add(fact);
      boolean linted = !unchangedSinceBaseline(migration, options);
      boolean underReview = options.baseline().isPresent() && linted;
      schema.creatingAs(
          !linted ? Origin.EARLIER_FILE : underReview ? Origin.UNDER_REVIEW : Origin.SAME_FILE);
      int firstFinding = findings.size();
      StatementContext context =
          new StatementContext(options, fact, migration.statements(), plan, schema, findings);
      for (int i = 0; i < migration.statements().size(); i++) {
        Statement statement = migration.statements().get(i);
        if (linted) {
          context.moveTo(i);
          for (StatementRule rule : byKind.getOrDefault(statement.kind(), List.of())) {
            context.ruleIs(rule.descriptor());
            rule.check(statement, context);
          }
        }
        schema.apply(statement);
      }
      findings.subList(firstFinding, findings.size()).sort(BY_POSITION);
      schema.fileDone(underReview);
    }
    runSetRules(facts, options, findings);
    return findings;
  }

  private void runSetRules(List<MigrationFacts> facts, RuleOptions options, List<Finding> out) {
    for (MigrationSetRule rule : setRules) {
      if (!options.isEnabled(rule.descriptor())) {
        continue;
      }
      rule.check(
          new MigrationSetContext() {
            @Override
            public RuleOptions options() {
              return options;
            }

            @Override
            public List<MigrationFacts> migrations() {
              return facts;
            }

            @Override
            public void reportFile(String path, String message, String help) {
              var d = rule.descriptor();
              out.add(
                  new Finding(
                      d.id(), d.severity(), d.category(), message, help, path, 1, 1, 1, 1, false));
            }
          });
    }
  }

  private static boolean unchangedSinceBaseline(MigrationSource migration, RuleOptions options) {
    if (options.baseline().isEmpty()) {
      return false;
    }
    GitBaseline.BaselineMigration old = options.baseline().get().migrations().get(migration.path());
    return old != null && old.sha256().equalsIgnoreCase(migration.sha256());
  }

  private static RunnerMode frontEndRunner(RuleOptions options) {
    return switch (options.runner()) {
      case FLYWAY -> RunnerMode.FLYWAY;
      case FLYWAY_ALWAYS_TRANSACTIONAL -> RunnerMode.FLYWAY_ALWAYS_TRANSACTIONAL;
      case AUTOCOMMIT -> RunnerMode.AUTOCOMMIT;
    };
  }
}
