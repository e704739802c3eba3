package dev.greenlight.linter.schema;

import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.QualifiedName;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * The schema as one statement sees it: the state just before the statement ran, plus the
 * statement's place (file, transaction, change under review). This is what rules ask.
 *
 * <p>"Existing" follows the linter's rule (see rules.md): without {@code --since}, each migration
 * file is deployed on its own, so objects created by <em>earlier files</em> exist and hold data,
 * while objects created earlier in the <em>same file</em> are new and empty. With {@code --since},
 * objects created by any migration of the change under review are new too. Objects no migration
 * creates (the baseline schema) count as existing. Lock and compatibility rules skip new objects.
 */
public final class SchemaView {
  private final SchemaReplay replay;
  private final Step step;

  SchemaView(SchemaReplay replay, Step step) {
    this.replay = replay;
    this.step = step;
  }

  /** The statement's place in the replay. */
  public Step step() {
    return step;
  }

  /** The schema unqualified names resolve to. */
  public String defaultSchema() {
    return replay.defaultSchema();
  }

  private <T> T before(java.util.Map<String, History<T>> map, String key) {
    History<T> h = map.get(key);
    return h == null ? null : h.before(step.step());
  }

  /**
   * Whether an object created at {@code origin} is live with data when this statement runs:
   * baseline objects are; objects of an earlier file are (unless that file is part of the change
   * under review with {@code --since}); objects of the same file are not.
   */
  public boolean isExisting(Origin origin) {
    if (origin.isBaseline()) {
      return true;
    }
    if (origin.fileIndex() == step.fileIndex()) {
      return false;
    }
    return !(replay.sinceMode() && origin.inChange());
  }

  // ---------------------------------------------------------------- tables

  /** The table as it was before this statement; empty when no migration so far created it. */
  public Optional<Table> table(QualifiedName name) {
    return Optional.ofNullable(before(replay.tables, replay.key(name)));
  }

  /**
   * Did this table exist, with data, before this statement? True for tables of earlier files and
   * for tables no migration shows (baseline); false for tables created in the same file (or in the
   * change under review with {@code --since}) and for tables dropped before this statement.
   */
  public boolean isExistingTable(QualifiedName name) {
    String key = replay.key(name);
    History<Table> h = replay.tables.get(key);
    if (h == null) {
      return true;
    }
    Table t = h.before(step.step());
    if (t == null) {
      // Not created yet (a baseline table some later migration re-creates), or dropped or
      // renamed away before this statement.
      return h.firstStep() >= step.step();
    }
    return isExisting(t.origin());
  }

  /** Whether the table is new when this statement runs (created in this file or this change). */
  public boolean isNewTable(QualifiedName name) {
    return table(name).map(t -> !isExisting(t.origin())).orElse(false);
  }

  /** Whether a statement earlier in the same file created this table. */
  public boolean tableCreatedInSameFile(QualifiedName name) {
    return table(name)
        .map(t -> !t.origin().isBaseline() && t.origin().fileIndex() == step.fileIndex())
        .orElse(false);
  }

  /** Whether a statement earlier in the same transaction created this table. */
  public boolean tableCreatedInSameTransaction(QualifiedName name) {
    return table(name)
        .map(t -> !t.origin().isBaseline() && t.origin().transactionId() == step.transactionId())
        .orElse(false);
  }

  /** Whether a migration of the change under review ({@code --since}) created this table. */
  public boolean tableCreatedInChange(QualifiedName name) {
    return table(name).map(t -> !t.origin().isBaseline() && t.origin().inChange()).orElse(false);
  }

  /** The column as it was before this statement; empty when the replay never saw it. */
  public Optional<Column> column(QualifiedName table, String column) {
    return table(table).flatMap(t -> t.column(column));
  }

  /**
   * Whether the column holds data when this statement runs: its table exists and the column was not
   * added earlier in the same file (or change). Columns of baseline tables the replay never saw
   * count as existing.
   */
  public boolean isExistingColumn(QualifiedName table, String column) {
    if (!isExistingTable(table)) {
      return false;
    }
    return column(table, column).map(c -> isExisting(c.origin())).orElse(true);
  }

  /** The constraint called {@code name} on the table, as it was before this statement. */
  public Optional<Constraint> constraint(QualifiedName table, String name) {
    return table(table).flatMap(t -> t.constraint(name));
  }

  /**
   * Whether a validated {@code CHECK (column IS NOT NULL)} exists on the table before this
   * statement (PostgreSQL 12+ then skips the scan of {@code SET NOT NULL}). The check may come from
   * an earlier migration.
   */
  public boolean hasValidatedNotNullCheck(QualifiedName table, String column) {
    return table(table)
        .map(
            t -> {
              for (Constraint k : t.constraints()) {
                if (k.type() == ConstraintType.CHECK
                    && k.validated()
                    && k.check() != null
                    && k.check().notNullCheckColumn().filter(column::equals).isPresent()) {
                  return true;
                }
              }
              return false;
            })
        .orElse(false);
  }

  // ---------------------------------------------------------------- other objects

  /** The index as it was before this statement (unqualified names: the default schema). */
  public Optional<Index> index(QualifiedName name) {
    return Optional.ofNullable(before(replay.indexes, replay.key(name)));
  }

  /** The indexes on the table before this statement (constraint-backing ones included). */
  public List<Index> indexesOn(QualifiedName table) {
    List<Index> out = new ArrayList<>();
    Set<String> keys = replay.indexesByTable.get(replay.key(table));
    if (keys != null) {
      String tableKey = replay.key(table);
      for (String k : keys) {
        Index i = before(replay.indexes, k);
        if (i != null && i.table().equals(tableKey)) {
          out.add(i);
        }
      }
    }
    return out;
  }

  /** The view or materialized view before this statement. */
  public Optional<View> view(QualifiedName name) {
    return Optional.ofNullable(before(replay.views, replay.key(name)));
  }

  /** The user-defined type (enum, composite, domain, …) before this statement. */
  public Optional<TypeDefinition> type(QualifiedName name) {
    return Optional.ofNullable(before(replay.types, replay.key(name)));
  }

  /** The function or procedure before this statement. */
  public Optional<Routine> routine(QualifiedName name) {
    return Optional.ofNullable(before(replay.routines, replay.key(name)));
  }

  /** The sequence before this statement. */
  public Optional<Sequence> sequence(QualifiedName name) {
    return Optional.ofNullable(before(replay.sequences, replay.key(name)));
  }

  /** Whether a schema of that name was created by a migration before this statement. */
  public boolean schemaCreated(String name) {
    return before(replay.schemas, name) != null;
  }

  /** Whether an object with this origin was created in the same transaction as this statement. */
  public boolean inSameTransaction(Origin origin) {
    return !origin.isBaseline() && origin.transactionId() == step.transactionId();
  }

  /** Whether an object with this origin was created in the same file as this statement. */
  public boolean inSameFile(Origin origin) {
    return !origin.isBaseline() && origin.fileIndex() == step.fileIndex();
  }
}
