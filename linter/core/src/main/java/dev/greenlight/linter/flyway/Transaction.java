package dev.greenlight.linter.flyway;

/**
 * A transaction in which statements of a migration run. Statements in the same transaction share
 * the same instance; compare with {@link #id()}.
 */
public final class Transaction {
  /** How the transaction came about. */
  public enum Kind {
    /** The runner wraps the whole file (Flyway's default for transactional files). */
    FILE,
    /** Opened by an explicit BEGIN / START TRANSACTION in the file. */
    EXPLICIT,
    /** No transaction block: the statement commits on its own. */
    AUTOCOMMIT
  }

  private final int id;
  private final Kind kind;
  private boolean terminated;

  Transaction(int id, Kind kind) {
    this.id = id;
    this.kind = kind;
    this.terminated = kind != Kind.EXPLICIT;
  }

  /** Unique within one loaded migration set. */
  public int id() {
    return id;
  }

  public Kind kind() {
    return kind;
  }

  /** Whether statements share this transaction's atomicity (FILE or EXPLICIT). */
  public boolean isBlock() {
    return kind != Kind.AUTOCOMMIT;
  }

  /** False for an explicit BEGIN that the file never COMMITs or ROLLBACKs. */
  public boolean terminated() {
    return terminated;
  }

  void terminate() {
    terminated = true;
  }

  @Override
  public String toString() {
    return kind + "#" + id + (terminated ? "" : " (unterminated)");
  }
}
