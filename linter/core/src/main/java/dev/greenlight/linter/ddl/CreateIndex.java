package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code CREATE [UNIQUE] INDEX [CONCURRENTLY] [[IF NOT EXISTS] name] ON [ONLY] table [USING method]
 * (elements) [INCLUDE (...)] [NULLS [NOT] DISTINCT] [WITH (...)] [TABLESPACE t] [WHERE predicate]}.
 *
 * @param name the index name, or null when PostgreSQL generates one
 * @param method the access method lower-case ({@code btree} when not written)
 * @param elements the index elements (columns or expressions) as written
 * @param where the partial-index predicate, or null
 */
public record CreateIndex(
    Name name,
    QualifiedName table,
    boolean unique,
    boolean concurrently,
    boolean ifNotExists,
    boolean only,
    String method,
    List<Expression> elements,
    List<Name> include,
    Expression where,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_INDEX;
  }

  /** The elements that are plain column names, resolved. */
  public List<String> columns() {
    List<String> out = new ArrayList<>();
    for (Expression e : elements) {
      if (e.columnReferences().size() == 1 && e.functions().isEmpty()) {
        out.add(e.columnReferences().get(0));
      }
    }
    return out;
  }
}
