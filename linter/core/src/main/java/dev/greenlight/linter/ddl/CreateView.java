package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [TEMP] [RECURSIVE] VIEW name [(cols)] AS query} and {@code CREATE
 * MATERIALIZED VIEW [IF NOT EXISTS] name AS query [WITH [NO] DATA]}.
 *
 * @param query the query text
 * @param querySpan where the query is written
 * @param referencedTables tables and views named after FROM/JOIN in the query
 * @param withData for materialized views: false when WITH NO DATA was written
 */
public record CreateView(
    QualifiedName name,
    boolean orReplace,
    boolean materialized,
    boolean temporary,
    boolean ifNotExists,
    List<Name> columns,
    String query,
    Span querySpan,
    List<QualifiedName> referencedTables,
    boolean withData,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return materialized ? StatementKind.CREATE_MATERIALIZED_VIEW : StatementKind.CREATE_VIEW;
  }
}
