package dev.greenlight.linter.schema;

import java.util.List;

/**
 * A user-defined type of the replayed schema: enum, composite, range, base, shell or domain.
 *
 * @param labels an enum's labels in order (after ADD VALUE / RENAME VALUE)
 */
public record TypeDefinition(
    String schema, String name, Kind kind, List<String> labels, Origin origin)
    implements SchemaObject {

  /** What kind of type. */
  public enum Kind {
    ENUM,
    COMPOSITE,
    RANGE,
    BASE,
    SHELL,
    DOMAIN
  }

  TypeDefinition withLabels(List<String> l) {
    return new TypeDefinition(schema, name, kind, List.copyOf(l), origin);
  }

  TypeDefinition renamed(String newSchema, String newName) {
    return new TypeDefinition(newSchema, newName, kind, labels, origin);
  }
}
