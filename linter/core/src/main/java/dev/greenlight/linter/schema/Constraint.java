package dev.greenlight.linter.schema;

import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.Expression;
import java.util.List;

/**
 * A constraint of a replayed table.
 *
 * @param name the constraint name (PostgreSQL's generated name when none was written)
 * @param columns the constrained columns
 * @param check the CHECK expression, or null
 * @param referencedTable {@code schema.name} of a foreign key's target, or null
 * @param validated false while a NOT VALID constraint awaits VALIDATE CONSTRAINT
 * @param origin the statement that added it
 * @param validatedAt the statement that validated it (equal to origin when added valid)
 */
public record Constraint(
    String name,
    ConstraintType type,
    List<String> columns,
    Expression check,
    String referencedTable,
    boolean validated,
    Origin origin,
    Origin validatedAt) {

  Constraint validate(Origin at) {
    return new Constraint(name, type, columns, check, referencedTable, true, origin, at);
  }

  Constraint withName(String n) {
    return new Constraint(n, type, columns, check, referencedTable, validated, origin, validatedAt);
  }

  Constraint withColumns(List<String> c) {
    return new Constraint(name, type, c, check, referencedTable, validated, origin, validatedAt);
  }
}
