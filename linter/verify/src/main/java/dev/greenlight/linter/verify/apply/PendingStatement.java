package dev.greenlight.linter.verify.apply;

/**
 * One statement of a pending migration, with its span in the file (1-based, end inclusive).
 *
 * @param control what the statement does to the transaction, if anything
 */
public record PendingStatement(
    String sql, int line, int column, int endLine, int endColumn, TransactionControl control) {

  /** The transaction-control role of a statement. */
  public enum TransactionControl {
    NONE,
    BEGIN,
    COMMIT,
    ROLLBACK
  }

  /** The first line of the statement, shortened for messages. */
  public String summary() {
    String oneLine = sql.strip().replaceAll("\\s+", " ");
    return oneLine.length() <= 80 ? oneLine : oneLine.substring(0, 77) + "...";
  }
}
