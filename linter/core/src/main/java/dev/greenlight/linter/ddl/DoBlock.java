package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * {@code DO [LANGUAGE l] $$ body $$}. Plain SQL statements of a PL/pgSQL body (inside IF, loops,
 * nested blocks and EXCEPTION handlers) and the SQL of {@code EXECUTE '<literal>'} are parsed into
 * {@link #statements()} with their positions in the file; EXECUTE of SQL built at run time is
 * listed in {@link #dynamicSql()} as not analyzable.
 *
 * @param language lower-case, {@code plpgsql} when not written
 * @param body the body's text (content of the quotes)
 * @param bodySpan where the body's text is written
 */
public record DoBlock(
    String language,
    String body,
    Span bodySpan,
    List<Embedded> statements,
    List<Span> dynamicSql,
    Span span)
    implements Statement {

  /**
   * A statement found inside the body.
   *
   * @param viaExecute true when it was the literal of {@code EXECUTE '...'}
   */
  public record Embedded(Statement statement, boolean viaExecute) {}

  @Override
  public StatementKind kind() {
    return StatementKind.DO;
  }
}
