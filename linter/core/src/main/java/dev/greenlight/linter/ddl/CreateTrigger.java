package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Span;
import java.util.List;

/**
 * {@code CREATE [OR REPLACE] [CONSTRAINT] TRIGGER name BEFORE|AFTER|INSTEAD OF events ON table ...
 * EXECUTE FUNCTION|PROCEDURE f(...)}.
 *
 * @param timing {@code BEFORE}, {@code AFTER} or {@code INSTEAD OF}
 * @param events upper-case events, e.g. {@code [INSERT, UPDATE]}
 */
public record CreateTrigger(
    Name name,
    QualifiedName table,
    boolean orReplace,
    boolean constraint,
    String timing,
    List<String> events,
    QualifiedName function,
    Span span)
    implements Statement {
  @Override
  public StatementKind kind() {
    return StatementKind.CREATE_TRIGGER;
  }
}
