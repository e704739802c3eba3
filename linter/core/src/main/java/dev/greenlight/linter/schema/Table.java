package dev.greenlight.linter.schema;

import java.util.Collections;
import java.util.List;
import java.util.Optional;

/**
 * A table of the replayed schema, as it was at some point of the replay (immutable).
 *
 * @param columns in definition order; empty for baseline tables whose columns no migration shows
 * @param origin the statement that created it, {@link Origin#BASELINE} when no migration did
 */
public record Table(
    String schema,
    String name,
    List<Column> columns,
    List<Constraint> constraints,
    boolean partitioned,
    boolean unlogged,
    Origin origin)
    implements SchemaObject {

  /** The column called {@code column}. */
  public Optional<Column> column(String column) {
    for (Column c : columns) {
      if (c.name().equals(column)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** The constraint called {@code constraint}. */
  public Optional<Constraint> constraint(String constraint) {
    for (Constraint c : constraints) {
      if (c.name().equals(constraint)) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /** Whether no migration created this table (it comes from the baseline schema). */
  public boolean isBaseline() {
    return origin.isBaseline();
  }

  /**
   * Takes ownership of {@code c}: callers pass a fresh list (the replay copies once per change).
   */
  Table withColumns(List<Column> c) {
    return new Table(
        schema, name, Collections.unmodifiableList(c), constraints, partitioned, unlogged, origin);
  }

  /** Takes ownership of {@code c}, like {@link #withColumns}. */
  Table withConstraints(List<Constraint> c) {
    return new Table(
        schema, name, columns, Collections.unmodifiableList(c), partitioned, unlogged, origin);
  }

  Table renamed(String newSchema, String newName) {
    return new Table(newSchema, newName, columns, constraints, partitioned, unlogged, origin);
  }

  Table withUnlogged(boolean v) {
    return new Table(schema, name, columns, constraints, partitioned, v, origin);
  }
}
