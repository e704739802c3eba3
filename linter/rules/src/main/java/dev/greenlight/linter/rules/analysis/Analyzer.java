package dev.greenlight.linter.rules.analysis;

import dev.greenlight.linter.Migration;
import dev.greenlight.linter.MigrationSet;
import dev.greenlight.linter.MigrationStatement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.flyway.RunnerMode;
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
import java.util.stream.IntStream;

/**
 * Runs the rule catalogue over a set of migration files. This is the entry point the engine calls.
 *
 * <p>Contract:
 *
 * <ul>
 *   <li>Input: the front end's {@code MigrationSet} of every migration file of the project ({@code
 *       FrontEnd.load}), loaded with the same PostgreSQL version and the runner mode {@link
 *       #frontEndRunner(RuleOptions)} gives (the front end plans transactions and replays the
 *       schema; rules read both). Pass all files even when only some are linted.
 *   <li>With {@link RuleOptions#baseline()} ({@code --since}): load the set with {@code
 *       FrontEndOptions.withChangedFiles} = the files added or changed since the ref (objects they
 *       create count as new). Files whose display path and checksum are unchanged since the ref
 *       produce no statement findings. Baseline paths use the front end's display paths (relative
 *       to its base directory, forward slashes). {@code ban-edit-applied-migration} and {@code
 *       require-monotonic-version} compare the files with the baseline.
 *   <li>Output: raw findings in file order, not suppressed, with the rule's default severity (the
 *       engine applies configured severities, suppressions and the fail level). Only rules enabled
 *       by {@link RuleOptions#isEnabled} run. One exception to "default severity": {@code
 *       ban-mixed-transactional-statements} reports WARNING when the file sets {@code mixed=true},
 *       as the catalogue says.
 *   <li>The meta findings {@code unparsed-statement} and {@code unused-suppression} are the
 *       engine's, with one exception: when a rule fails on a statement (a model shape it does not
 *       expect), the analyzer reports {@code unparsed-statement} there naming the rule, instead of
 *       failing the whole run or skipping the statement silently.
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

  /**
   * Analyzes a migration set loaded by the front end ({@code FrontEnd.load}) and returns the raw
   * findings, file by file in Flyway order, each file's findings by position.
   */
  public List<Finding> analyze(MigrationSet set, RuleOptions options) {
    Map<StatementKind, List<StatementRule>> byKind = new EnumMap<>(StatementKind.class);
    for (StatementRule rule : statementRules) {
      if (options.isEnabled(rule.descriptor())) {
        for (StatementKind kind : rule.kinds()) {
          byKind.computeIfAbsent(kind, k -> new ArrayList<>()).add(rule);
        }
      }
    }
    List<Migration> migrations = set.migrations();
    List<MigrationFacts> facts = new ArrayList<>(migrations.size());
    for (Migration migration : migrations) {
      facts.add(
          new MigrationFacts(
              migration.displayPath(),
              migration.version(),
              hex(migration.checksum()),
              migration.transactional(),
              migration.scriptConfig().executeInTransaction(),
              set.flyway().mixed()));
    }
    // Files are independent once the front end has replayed the schema (its views are read-only),
    // so they are analyzed in parallel; findings keep file order.
    List<List<Finding>> perFile =
        IntStream.range(0, migrations.size())
            .parallel()
            .mapToObj(i -> analyzeFile(migrations.get(i), facts.get(i), byKind, options))
            .toList();
    List<Finding> findings = new ArrayList<>();
    perFile.forEach(findings::addAll);
    runSetRules(facts, options, findings);
    return findings;
  }

  private static List<Finding> analyzeFile(
      Migration migration,
      MigrationFacts fact,
      Map<StatementKind, List<StatementRule>> byKind,
      RuleOptions options) {
    if (unchangedSinceBaseline(fact, options)) {
      return List.of();
    }
    List<Finding> findings = new ArrayList<>();
    StatementContext context =
        new StatementContext(options, fact, migration.statements(), findings);
    for (MigrationStatement statement : migration.analyzedStatements()) {
      List<StatementRule> rules = byKind.get(statement.statement().kind());
      if (rules == null) {
        continue;
      }
      context.moveTo(statement);
      for (StatementRule rule : rules) {
        context.ruleIs(rule.descriptor());
        try {
          rule.check(statement.statement(), context);
        } catch (RuntimeException e) {
          // A rule that cannot handle a statement must not stop the lint, nor pass silently.
          context.ruleIs(RuleRegistry.UNPARSED_STATEMENT);
          context.report(
              statement.span(),
              "Rule "
                  + rule.descriptor().id()
                  + " could not analyze this statement ("
                  + e.getClass().getSimpleName()
                  + (e.getMessage() == null ? "" : ": " + e.getMessage())
                  + ")",
              "Check this statement by hand and report it so the rule learns it");
        }
      }
    }
    findings.sort(BY_POSITION);
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

  private static boolean unchangedSinceBaseline(MigrationFacts migration, RuleOptions options) {
    if (options.baseline().isEmpty()) {
      return false;
    }
    GitBaseline.BaselineMigration old = options.baseline().get().migrations().get(migration.path());
    return old != null && old.sha256().equalsIgnoreCase(migration.sha256());
  }

  /** The front end writes {@code sha256:<hex>}; baselines and rules compare bare hex. */
  private static String hex(String checksum) {
    return checksum.startsWith("sha256:") ? checksum.substring("sha256:".length()) : checksum;
  }

  /**
   * The runner mode the front end must be loaded with for these options (the front end plans
   * transactions; the rules read that plan).
   */
  public static RunnerMode frontEndRunner(RuleOptions options) {
    return switch (options.runner()) {
      case FLYWAY -> RunnerMode.FLYWAY;
      case FLYWAY_ALWAYS_TRANSACTIONAL -> RunnerMode.FLYWAY_ALWAYS_TRANSACTIONAL;
      case AUTOCOMMIT -> RunnerMode.AUTOCOMMIT;
    };
  }
}
