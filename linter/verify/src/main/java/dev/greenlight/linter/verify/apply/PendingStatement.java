package dev.greenlight.linter.verify.apply;

/**
 * One statement of a pending migration, with its span in the file (1-based, end inclusive) and the
 * transaction Flyway runs it in.
 *
 * @param control what the statement does to the transaction, if anything
 * @param transaction statements with the same number share one transaction block
 * @param inBlock false when the statement runs on its own (autocommit)
 */
public record PendingStatement(
    String sql,
    int line,
    int column,
    int endLine,
    int endColumn,
    TransactionControl control,
    int transaction,
    boolean inBlock) {

  /** The transaction-control role of a statement. */
  public enum TransactionControl {
    NONE,
    BEGIN,
    COMMIT,
    ROLLBACK
  }

  /** The statement on one line, shortened for messages. */
  public String summary() {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }
}
