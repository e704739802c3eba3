package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/** One action of an {@link AlterTable}; each carries the span of exactly that action. */
public sealed interface AlterTableAction {
  /** Where this action is written (not the whole statement). */
  Span span();

  /** {@code ADD [COLUMN] [IF NOT EXISTS] column_definition}. */
  record AddColumn(ColumnDefinition column, boolean ifNotExists, Span span)
      implements AlterTableAction {}

  /** {@code DROP [COLUMN] [IF EXISTS] name [CASCADE|RESTRICT]}. */
  record DropColumn(Name column, boolean ifExists, boolean cascade, Span span)
      implements AlterTableAction {}

  /** {@code ALTER [COLUMN] name [SET DATA] TYPE type [COLLATE c] [USING expr]}. */
  record AlterColumnType(Name column, TypeName type, String collation, Expression using, Span span)
      implements AlterTableAction {}

  /** {@code ALTER [COLUMN] name SET DEFAULT expr}. */
  record SetDefault(Name column, Expression expression, Span span) implements AlterTableAction {}

  /** {@code ALTER [COLUMN] name DROP DEFAULT}. */
  record DropDefault(Name column, Span span) implements AlterTableAction {}

  /** {@code ALTER [COLUMN] name SET NOT NULL}. */
  record SetNotNull(Name column, Span span) implements AlterTableAction {}

  /** {@code ALTER [COLUMN] name DROP NOT NULL}. */
  record DropNotNull(Name column, Span span) implements AlterTableAction {}

  /** {@code ALTER [COLUMN] name ADD GENERATED {ALWAYS|BY DEFAULT} AS IDENTITY}. */
  record AddIdentity(Name column, boolean always, Span span) implements AlterTableAction {}

  /**
   * Other column alterations: {@code SET STATISTICS}, {@code SET STORAGE}, {@code SET COMPRESSION},
   * {@code DROP IDENTITY}, {@code SET GENERATED}, {@code DROP EXPRESSION}, {@code SET (...)},
   * {@code RESET (...)}.
   *
   * @param operation the operation's leading words upper-case, e.g. {@code SET STATISTICS}
   */
  record AlterColumnOther(Name column, String operation, Span span) implements AlterTableAction {}

  /** {@code ADD [CONSTRAINT name] CHECK|UNIQUE|PRIMARY KEY|FOREIGN KEY|EXCLUDE ...}. */
  record AddConstraint(TableConstraint constraint, Span span) implements AlterTableAction {}

  /** {@code VALIDATE CONSTRAINT name}. */
  record ValidateConstraint(Name constraint, Span span) implements AlterTableAction {}

  /** {@code DROP CONSTRAINT [IF EXISTS] name [CASCADE|RESTRICT]}. */
  record DropConstraint(Name constraint, boolean ifExists, boolean cascade, Span span)
      implements AlterTableAction {}

  /** {@code RENAME CONSTRAINT a TO b}. */
  record RenameConstraint(Name from, Name to, Span span) implements AlterTableAction {}

  /** {@code RENAME TO new_name}. */
  record RenameTable(Name newName, Span span) implements AlterTableAction {}

  /** {@code RENAME [COLUMN] a TO b}. */
  record RenameColumn(Name from, Name to, Span span) implements AlterTableAction {}

  /** {@code SET LOGGED} (logged = true) or {@code SET UNLOGGED}. */
  record SetPersistence(boolean logged, Span span) implements AlterTableAction {}

  /** {@code SET TABLESPACE name}. */
  record SetTablespace(Name tablespace, Span span) implements AlterTableAction {}

  /** {@code SET ACCESS METHOD name}. */
  record SetAccessMethod(Name method, Span span) implements AlterTableAction {}

  /** {@code SET SCHEMA name}. */
  record SetSchema(Name schema, Span span) implements AlterTableAction {}

  /** {@code ATTACH PARTITION p FOR VALUES ...|DEFAULT}; {@code bound} is the text after p. */
  record AttachPartition(QualifiedName partition, String bound, Span span)
      implements AlterTableAction {}

  /** {@code DETACH PARTITION p [CONCURRENTLY|FINALIZE]}. */
  record DetachPartition(
      QualifiedName partition, boolean concurrently, boolean finalizeDetach, Span span)
      implements AlterTableAction {}

  /** {@code OWNER TO role}. */
  record OwnerTo(Name owner, Span span) implements AlterTableAction {}

  /** {@code REPLICA IDENTITY DEFAULT|FULL|NOTHING|USING INDEX i}; identity upper-case. */
  record ReplicaIdentity(String identity, Span span) implements AlterTableAction {}

  /**
   * Actions the model does not describe further: {@code ENABLE/DISABLE TRIGGER}, {@code ROW LEVEL
   * SECURITY}, {@code SET (storage_parameter ...)}, {@code CLUSTER ON}, {@code INHERIT}, …
   *
   * @param operation the leading words upper-case, e.g. {@code ENABLE TRIGGER}
   */
  record OtherAction(String operation, Span span) implements AlterTableAction {}
}
