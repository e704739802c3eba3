package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * {@code CREATE TYPE name AS ENUM (...)}, {@code AS (attributes)}, {@code AS RANGE (...)}, a base
 * type {@code (INPUT = ...)} or a shell type.
 *
 * @param enumValues the labels of an enum, in order
 * @param attributes the attributes of a composite type
 */
public record CreateType(
    QualifiedName name,
    Variant variant,
    List<String> enumValues,
    List<ColumnDefinition> attributes,
    Span span)
    implements Statement {

  /** What kind of type is created. */
  public enum Variant {
    ENUM,
    COMPOSITE,
    RANGE,
    BASE,
    SHELL
  }

  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_TYPE;
  }
}
