package dev.greenlight.linter.schema;

import dev.greenlight.linter.ddl.Expression;
import java.util.List;

/**
 * An index of the replayed schema.
 *
 * @param table {@code schema.name} of the indexed table
 * @param columns the plain-column elements
 * @param where the partial-index predicate, or null
 * @param constraint whether it backs a PRIMARY KEY or UNIQUE constraint
 */
public record Index(
    String schema,
    String name,
    String table,
    boolean unique,
    List<String> columns,
    Expression where,
    boolean constraint,
    Origin origin)
    implements SchemaObject {

  Index renamed(String newName) {
    return new Index(schema, newName, table, unique, columns, where, constraint, origin);
  }

  Index onTable(String newTable) {
    return new Index(schema, name, newTable, unique, columns, where, constraint, origin);
  }
}
