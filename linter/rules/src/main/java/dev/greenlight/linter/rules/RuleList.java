package dev.greenlight.linter.rules;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.Rule;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.util.List;

/** The explicit list of rules, in catalogue order. */
final class RuleList {

  private RuleList() {}

  /** Every runnable rule. */
  static List<Rule> all() {
    return List.of();
  }

  /** Catalogue ids whose rule classes are still being written; listed so the catalogue is whole. */
  static List<RuleDescriptor> notYetRunnable() {
    return List.of(
        RuleDescriptor.of(
            "require-concurrent-index",
            Severity.ERROR,
            Category.LOCK,
            "CREATE INDEX on an existing table must use CONCURRENTLY"),
        RuleDescriptor.of(
            "require-concurrent-index-drop",
            Severity.WARNING,
            Category.LOCK,
            "DROP INDEX should use CONCURRENTLY"),
        RuleDescriptor.of(
            "require-concurrent-reindex",
            Severity.ERROR,
            Category.LOCK,
            "REINDEX must use CONCURRENTLY (PostgreSQL 12+)"),
        RuleDescriptor.of(
            "require-concurrent-detach-partition",
            Severity.WARNING,
            Category.LOCK,
            "DETACH PARTITION should use CONCURRENTLY (PostgreSQL 14+)"),
        RuleDescriptor.of(
            "ban-table-rewrite-maintenance",
            Severity.ERROR,
            Category.LOCK,
            "VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE"),
        RuleDescriptor.of(
            "ban-table-rewrite-alter",
            Severity.ERROR,
            Category.LOCK,
            "SET LOGGED/UNLOGGED, SET TABLESPACE and SET ACCESS METHOD rewrite an existing table"),
        RuleDescriptor.of(
            "require-not-valid-check",
            Severity.ERROR,
            Category.LOCK,
            "A CHECK constraint on an existing table must be added NOT VALID and validated later"),
        RuleDescriptor.of(
            "require-not-valid-foreign-key",
            Severity.ERROR,
            Category.LOCK,
            "A foreign key must be added NOT VALID and validated later"),
        RuleDescriptor.of(
            "ban-validate-in-same-transaction",
            Severity.ERROR,
            Category.LOCK,
            "VALIDATE CONSTRAINT must run in a later transaction than the NOT VALID add"),
        RuleDescriptor.of(
            "ban-set-not-null",
            Severity.ERROR,
            Category.LOCK,
            "SET NOT NULL on an existing column scans the table under ACCESS EXCLUSIVE"),
        RuleDescriptor.of(
            "ban-add-column-volatile-default",
            Severity.ERROR,
            Category.LOCK,
            "Adding a column with a volatile default rewrites the table"),
        RuleDescriptor.of(
            "ban-add-stored-generated-column",
            Severity.ERROR,
            Category.LOCK,
            "Adding a stored generated column rewrites the table"),
        RuleDescriptor.of(
            "ban-add-serial-column",
            Severity.ERROR,
            Category.LOCK,
            "Adding a serial or identity column to an existing table rewrites it"),
        RuleDescriptor.of(
            "ban-unsafe-type-change",
            Severity.ERROR,
            Category.LOCK,
            "Changing a column to a type that is not binary-coercible rewrites the table"),
        RuleDescriptor.of(
            "require-unique-using-index",
            Severity.ERROR,
            Category.LOCK,
            "A UNIQUE constraint on an existing table must use a concurrently built index"),
        RuleDescriptor.of(
            "require-primary-key-using-index",
            Severity.ERROR,
            Category.LOCK,
            "A primary key on an existing table must use a concurrently built index"),
        RuleDescriptor.of(
            "ban-exclusion-constraint",
            Severity.ERROR,
            Category.LOCK,
            "An exclusion constraint on an existing table is built under ACCESS EXCLUSIVE"),
        RuleDescriptor.of(
            "ban-domain-constraint",
            Severity.WARNING,
            Category.LOCK,
            "A domain CHECK constraint rechecks every column of the domain"),
        RuleDescriptor.of(
            "require-lock-timeout",
            Severity.WARNING,
            Category.LOCK,
            "Statements that take strong locks on existing tables need a lock_timeout first"),
        RuleDescriptor.off(
            "require-statement-timeout",
            Severity.WARNING,
            Category.LOCK,
            "Statements that take strong locks on existing tables need a statement_timeout first"),
        RuleDescriptor.of(
            "ban-long-held-exclusive-lock",
            Severity.WARNING,
            Category.LOCK,
            "Statements after an ACCESS EXCLUSIVE lock keep it held until commit"),
        RuleDescriptor.of(
            "ban-unbatched-backfill",
            Severity.WARNING,
            Category.LOCK,
            "UPDATE or DELETE of an existing table without a bounded predicate inside a schema migration"),
        RuleDescriptor.of(
            "ban-drop-column",
            Severity.ERROR,
            Category.COMPAT,
            "Dropping a column breaks the release still running"),
        RuleDescriptor.of(
            "ban-drop-table",
            Severity.ERROR,
            Category.COMPAT,
            "Dropping an existing table breaks the release still running"),
        RuleDescriptor.of(
            "ban-drop-schema", Severity.ERROR, Category.COMPAT, "Dropping a schema or a database"),
        RuleDescriptor.of(
            "ban-drop-database-object",
            Severity.ERROR,
            Category.COMPAT,
            "Dropping or renaming views, functions, sequences, types or triggers the old release may use"),
        RuleDescriptor.of(
            "ban-drop-cascade",
            Severity.ERROR,
            Category.COMPAT,
            "DROP … CASCADE silently drops dependent objects"),
        RuleDescriptor.of(
            "ban-rename-column",
            Severity.ERROR,
            Category.COMPAT,
            "Renaming a column breaks the release still running"),
        RuleDescriptor.of(
            "ban-rename-table",
            Severity.ERROR,
            Category.COMPAT,
            "Renaming a table breaks the release still running"),
        RuleDescriptor.of(
            "ban-rename-schema",
            Severity.ERROR,
            Category.COMPAT,
            "Renaming a schema breaks the release still running"),
        RuleDescriptor.of(
            "ban-rename-enum-value",
            Severity.ERROR,
            Category.COMPAT,
            "Renaming an enum value breaks the release still running"),
        RuleDescriptor.of(
            "ban-add-required-column",
            Severity.ERROR,
            Category.COMPAT,
            "Adding a NOT NULL column without a default to an existing table"),
        RuleDescriptor.of(
            "ban-drop-default",
            Severity.ERROR,
            Category.COMPAT,
            "Dropping the default of a NOT NULL column breaks the old release's inserts"),
        RuleDescriptor.of(
            "ban-drop-not-null",
            Severity.WARNING,
            Category.COMPAT,
            "Dropping NOT NULL lets NULLs reach the release still running"),
        RuleDescriptor.of(
            "ban-narrowing-constraint",
            Severity.WARNING,
            Category.COMPAT,
            "A new constraint that the old release's writes may violate"),
        RuleDescriptor.of(
            "ban-truncate", Severity.ERROR, Category.COMPAT, "Truncating an existing table"),
        RuleDescriptor.of(
            "prefer-jsonb", Severity.WARNING, Category.COMPAT, "Prefer jsonb over json columns"),
        RuleDescriptor.of(
            "ban-concurrently-in-transaction",
            Severity.ERROR,
            Category.RUNNER,
            "A statement that cannot run in a transaction runs inside one"),
        RuleDescriptor.of(
            "ban-mixed-transactional-statements",
            Severity.ERROR,
            Category.RUNNER,
            "A file mixes statements that cannot run in a transaction with transactional ones"),
        RuleDescriptor.of(
            "ban-unterminated-transaction",
            Severity.ERROR,
            Category.RUNNER,
            "BEGIN without COMMIT or ROLLBACK, or a nested BEGIN"),
        RuleDescriptor.of(
            "ban-edit-applied-migration",
            Severity.ERROR,
            Category.RUNNER,
            "A versioned migration that existed at the --since ref was changed, renamed or deleted"),
        RuleDescriptor.of(
            "require-monotonic-version",
            Severity.ERROR,
            Category.RUNNER,
            "A new versioned migration's version is not above the highest at the --since ref, or is a duplicate"),
        RuleDescriptor.of(
            "prefer-bigint",
            Severity.INFO,
            Category.HYGIENE,
            "Prefer bigint over int and smallint for key columns"),
        RuleDescriptor.of(
            "prefer-identity",
            Severity.INFO,
            Category.HYGIENE,
            "Prefer identity columns over serial"),
        RuleDescriptor.of(
            "prefer-timestamptz",
            Severity.INFO,
            Category.HYGIENE,
            "Prefer timestamptz over timestamp without time zone"),
        RuleDescriptor.off(
            "prefer-text",
            Severity.INFO,
            Category.HYGIENE,
            "Prefer text over varchar(n) and char(n)"),
        RuleDescriptor.off(
            "prefer-robust-statements",
            Severity.INFO,
            Category.HYGIENE,
            "Non-transactional migrations should use IF [NOT] EXISTS"),
        RuleDescriptor.of(
            "ban-long-identifier",
            Severity.WARNING,
            Category.HYGIENE,
            "Identifiers longer than 63 bytes are silently truncated"));
  }
}
