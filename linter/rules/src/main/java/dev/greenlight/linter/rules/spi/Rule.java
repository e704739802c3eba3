package dev.greenlight.linter.rules.spi;

/**
 * One catalogue rule. Each implementation is one small class that declares its identity in a {@code
 * public static final RuleDescriptor DESCRIPTOR} and is listed in {@code RuleRegistry}. Rules are
 * stateless and thread-safe: the analyzer may run files in parallel.
 *
 * <p>A rule is either a {@link StatementRule} (dispatched one statement at a time, by statement
 * kind) or a {@link MigrationSetRule} (looks at the set of migration files as a whole, e.g. their
 * versions against the {@code --since} baseline). A rule never reads files or re-parses SQL: the
 * front end's typed model and the replayed schema are all it sees.
 */
public sealed interface Rule permits StatementRule, MigrationSetRule {

  /** The rule's identity: id, summary, default severity, category. */
  RuleDescriptor descriptor();
}
