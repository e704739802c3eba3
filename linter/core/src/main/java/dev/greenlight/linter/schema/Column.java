package dev.greenlight.linter.schema;

import dev.greenlight.linter.ddl.Expression;
import dev.greenlight.linter.ddl.TypeName;

/**
 * A column of a replayed table.
 *
 * @param type the current type (after ALTER COLUMN TYPE); null for a column of a baseline table
 *     that no migration created (the replay first saw it in an ALTER, so its type is unknown)
 * @param defaultValue the current default, or null
 * @param origin the statement that added the column ({@link Origin#BASELINE} when no migration did)
 */
public record Column(
    String name,
    TypeName type,
    boolean notNull,
    Expression defaultValue,
    boolean identity,
    boolean generated,
    Origin origin) {

  Column withType(TypeName t) {
    return new Column(name, t, notNull, defaultValue, identity, generated, origin);
  }

  Column withNotNull(boolean v) {
    return new Column(name, type, v, defaultValue, identity, generated, origin);
  }

  Column withDefault(Expression e) {
    return new Column(name, type, notNull, e, identity, generated, origin);
  }

  Column withIdentity(boolean v) {
    return new Column(name, type, notNull, defaultValue, v, generated, origin);
  }

  Column withName(String n) {
    return new Column(n, type, notNull, defaultValue, identity, generated, origin);
  }
}
