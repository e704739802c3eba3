package dev.greenlight.linter.sql;

/** Transaction-control statements, recognised by the splitter's caller from leading words. */
public enum TransactionCommand {
  /** {@code BEGIN [WORK|TRANSACTION]}. */
  BEGIN,
  /** {@code START TRANSACTION}. */
  START_TRANSACTION,
  /** {@code COMMIT [WORK|TRANSACTION] [AND [NO] CHAIN]}. */
  COMMIT,
  /** {@code END}: a synonym of COMMIT. */
  END,
  /** {@code ROLLBACK} or {@code ABORT} without TO SAVEPOINT. */
  ROLLBACK,
  /** {@code SAVEPOINT name}. */
  SAVEPOINT,
  /** {@code RELEASE [SAVEPOINT] name}. */
  RELEASE_SAVEPOINT,
  /** {@code ROLLBACK [WORK|TRANSACTION] TO [SAVEPOINT] name}. */
  ROLLBACK_TO_SAVEPOINT,
  /** {@code PREPARE TRANSACTION 'id'}. */
  PREPARE_TRANSACTION,
  /** {@code COMMIT PREPARED 'id'}. */
  COMMIT_PREPARED,
  /** {@code ROLLBACK PREPARED 'id'}. */
  ROLLBACK_PREPARED;

  /** Whether the command opens a transaction block. */
  public boolean opens() {
    return this == BEGIN || this == START_TRANSACTION;
  }

  /** Whether the command ends the current transaction block. */
  public boolean closes() {
    return this == COMMIT || this == END || this == ROLLBACK || this == PREPARE_TRANSACTION;
  }

  /**
   * Recognises transaction control in tokens {@code [first, last]}; null when the statement is
   * something else. {@code BEGIN ATOMIC} never reaches here (it is part of a function body).
   */
  public static TransactionCommand recognize(Tokens t, int first, int last) {
    if (t.isWord(first, "begin")) {
      return BEGIN;
    }
    if (t.isWord(first, "start") && t.isWord(first + 1, "transaction")) {
      return START_TRANSACTION;
    }
    if (t.isWord(first, "commit")) {
      return t.isWord(first + 1, "prepared") ? COMMIT_PREPARED : COMMIT;
    }
    if (t.isWord(first, "end")) {
      return END;
    }
    if (t.isWord(first, "abort")) {
      return ROLLBACK;
    }
    if (t.isWord(first, "rollback")) {
      if (t.isWord(first + 1, "prepared")) {
        return ROLLBACK_PREPARED;
      }
      for (int i = first + 1; i <= last; i++) {
        if (t.isWord(i, "to")) {
          return ROLLBACK_TO_SAVEPOINT;
        }
      }
      return ROLLBACK;
    }
    if (t.isWord(first, "savepoint")) {
      return SAVEPOINT;
    }
    if (t.isWord(first, "release")) {
      return RELEASE_SAVEPOINT;
    }
    if (t.isWord(first, "prepare") && t.isWord(first + 1, "transaction")) {
      return PREPARE_TRANSACTION;
    }
    return null;
  }
}
