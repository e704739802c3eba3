package dev.greenlight.linter.rules.spi;

import dev.greenlight.linter.ddl.ObjectKind;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.sql.Span;
import java.util.List;
import java.util.Optional;

/**
 * What a {@link StatementRule} may ask while it looks at one statement. Schema questions are
 * answered for the moment just before the statement runs, after replaying every earlier migration
 * and the earlier statements of this file.
 *
 * <p>"Existing" follows the catalogue: an object is existing when it is live and holds data when
 * the statement runs — created by an earlier migration file, or by no migration at all (baseline
 * schema). Objects created earlier in the same file, or with {@code --since} anywhere in the change
 * under review, are new.
 */
public interface RuleContext {

  /** The options of this run (PostgreSQL version, runner, …). */
  RuleOptions options();

  /** The PostgreSQL major the migrations will run on. */
  default int pgVersion() {
    return options().pgVersion();
  }

  /** The migration file the statement belongs to. */
  MigrationFacts migration();

  /** True when the statement runs inside a transaction: explicit BEGIN, or the runner's. */
  boolean inTransaction();

  /** True when the statement is inside an explicit {@code BEGIN … COMMIT} of the file. */
  boolean inExplicitTransaction();

  /** Statements of the same transaction before this one, in order (empty outside one). */
  List<Statement> earlierInTransaction();

  /** Statements of the same file before this one, in order. */
  List<Statement> earlierInFile();

  /** Statements of the same file after this one, in order. */
  List<Statement> laterInFile();

  /** Whether {@code table} (a table, partitioned table or materialized view) is existing. */
  boolean isExistingTable(QualifiedName table);

  /** Whether {@code table} is a partitioned table (PARTITION BY) just before the statement. */
  boolean isPartitionedTable(QualifiedName table);

  /** Whether an object of {@code kind} named {@code name} is existing (views, functions, …). */
  boolean isExistingObject(ObjectKind kind, QualifiedName name);

  /** The column as the schema knows it just before the statement, empty when unknown. */
  Optional<ColumnFacts> column(QualifiedName table, String column);

  /** The table an index belongs to, empty when the index is unknown. */
  Optional<QualifiedName> tableOfIndex(QualifiedName index);

  /**
   * Whether a validated (not {@code NOT VALID}, or validated since) {@code CHECK (column IS NOT
   * NULL)} constraint exists on the table, from any earlier statement or migration.
   */
  boolean hasValidatedNotNullCheck(QualifiedName table, String column);

  /** Reports a finding with the rule's default severity at {@code span}. */
  void report(Span span, String message, String help);

  /** Reports a finding with an explicit severity (when the catalogue lowers it in a case). */
  void report(Severity severity, Span span, String message, String help);
}
