package dev.greenlight.linter;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.Unparsed;
import dev.greenlight.linter.flyway.Transaction;
import dev.greenlight.linter.schema.SchemaView;
import dev.greenlight.linter.sql.Comment;
import dev.greenlight.linter.sql.Span;
import java.util.ArrayList;
import java.util.List;

/**
 * One statement of a migration in context: the typed statement, its file, its transaction, and the
 * schema as it was just before it ran. Statements found inside {@code DO} blocks (and their {@code
 * EXECUTE '...'} literals) are MigrationStatements too, with {@link #enclosing()} set.
 */
public final class MigrationStatement {
  private final Statement statement;
  private final Migration migration;
  private final int index;
  private final Transaction transaction;
  private final SchemaView schema;
  private final MigrationStatement enclosing;
  private final boolean viaExecute;

  MigrationStatement(
      Statement statement,
      Migration migration,
      int index,
      Transaction transaction,
      SchemaView schema,
      MigrationStatement enclosing,
      boolean viaExecute) {
    this.statement = statement;
    this.migration = migration;
    this.index = index;
    this.transaction = transaction;
    this.schema = schema;
    this.enclosing = enclosing;
    this.viaExecute = viaExecute;
  }

  /** The typed statement. */
  public Statement statement() {
    return statement;
  }

  /** Where it is written in the file (first token to last token before the semicolon). */
  public Span span() {
    return statement.span();
  }

  /** The statement's text as written. */
  public String text() {
    return statement.span().text(migration.source().text());
  }

  /** The migration file it belongs to. */
  public Migration migration() {
    return migration;
  }

  /**
   * Its index among the file's top-level statements (an embedded statement has the index of its DO
   * block).
   */
  public int index() {
    return index;
  }

  /** The transaction it runs in (embedded statements share their DO block's). */
  public Transaction transaction() {
    return transaction;
  }

  /**
   * The schema just before this statement ran, with the "existing table" questions answered for
   * this statement's file, transaction and change: see {@link SchemaView}.
   */
  public SchemaView schema() {
    return schema;
  }

  /** The DO block this statement was found in, or null for a top-level statement. */
  public MigrationStatement enclosing() {
    return enclosing;
  }

  /** Whether it is a top-level statement of the file. */
  public boolean isTopLevel() {
    return enclosing == null;
  }

  /** Whether it came from the literal of an {@code EXECUTE '...'} inside a DO block. */
  public boolean viaExecute() {
    return viaExecute;
  }

  /** Whether the parser could not read it (the {@code unparsed-statement} rule reports it). */
  public boolean isUnparsed() {
    return statement instanceof Unparsed;
  }

  /**
   * The comments between the previous top-level statement and this one (where suppression comments
   * such as {@code -- greenlight:ignore rule reason: ...} stand); for embedded statements, those of
   * the enclosing DO block.
   */
  public List<Comment> leadingComments() {
    if (enclosing != null) {
      return enclosing.leadingComments();
    }
    int from = index == 0 ? 0 : migration.statements().get(index - 1).span().end();
    int to = span().start();
    List<Comment> out = new ArrayList<>();
    for (Comment c : migration.comments()) {
      if (c.span().start() >= from && c.span().end() <= to) {
        out.add(c);
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return migration.displayPath() + ":" + span().position() + " " + statement.kind();
  }
}
