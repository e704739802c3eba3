package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;

/**
 * {@code CREATE [OR REPLACE] FUNCTION|PROCEDURE name(args) [RETURNS t] ... AS body}.
 *
 * @param arguments the argument list as written, without the parentheses
 * @param returns the RETURNS type as written, or null
 * @param language the LANGUAGE lower-case, or null
 * @param body the body: the content of its string or dollar quote, or the {@code BEGIN ATOMIC}
 *     text; null when not found
 * @param bodySpan where the body is written, or null
 * @param volatility {@code VOLATILE}, {@code STABLE} or {@code IMMUTABLE} when written, else null
 */
public record CreateFunction(
    QualifiedName name,
    boolean procedure,
    boolean orReplace,
    String arguments,
    String returns,
    String language,
    String body,
    Span bodySpan,
    String volatility,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return procedure ? StatementKind.CREATE_PROCEDURE : StatementKind.CREATE_FUNCTION;
  }
}
