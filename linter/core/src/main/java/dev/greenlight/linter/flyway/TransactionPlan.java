package dev.greenlight.linter.flyway;

import dev.greenlight.linter.ddl.DoBlock;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.TransactionRequirement;
import dev.greenlight.linter.ddl.TransactionStatement;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * How a runner executes one migration file: whether it wraps the file in a transaction, and the
 * transaction of each top-level statement.
 *
 * @param transactional whether the runner wraps the file in one transaction
 * @param reason why: e.g. {@code "executeInTransaction=false in V3__x.sql.conf"}, {@code "contains
 *     CREATE INDEX CONCURRENTLY (line 3)"}, {@code "runner flyway"}
 * @param nonTransactionalStatements indexes of statements PostgreSQL refuses in a transaction
 * @param mixed whether the file mixes such statements with others (Flyway's {@code mixed})
 * @param transactions the transaction of each top-level statement, by index
 */
public record TransactionPlan(
    boolean transactional,
    String reason,
    List<Integer> nonTransactionalStatements,
    boolean mixed,
    List<Transaction> transactions) {

  /**
   * Plans {@code statements} of one file.
   *
   * @param config the file's {@code .sql.conf}
   * @param pgVersion the PostgreSQL major version assumed
   * @param ids the source of transaction ids, shared by a whole migration set
   */
  public static TransactionPlan plan(
      List<Statement> statements,
      RunnerMode runner,
      ScriptConfig config,
      int pgVersion,
      AtomicInteger ids) {
    List<Integer> nonTx = new ArrayList<>();
    boolean other = false;
    for (int i = 0; i < statements.size(); i++) {
      Statement s = statements.get(i);
      if (cannotRunInTransaction(s, pgVersion) != null) {
        nonTx.add(i);
      } else if (!(s instanceof TransactionStatement)) {
        other = true;
      }
    }
    boolean mixed = !nonTx.isEmpty() && other;
    boolean transactional;
    String reason;
    if (config.executeInTransaction() != null) {
      transactional = config.executeInTransaction();
      reason = "executeInTransaction=" + transactional + " in " + config.path().getFileName();
    } else {
      switch (runner) {
        case AUTOCOMMIT:
          transactional = false;
          reason = "runner autocommit";
          break;
        case FLYWAY_ALWAYS_TRANSACTIONAL:
          transactional = true;
          reason = "runner flyway-always-transactional";
          break;
        default:
          if (nonTx.isEmpty()) {
            transactional = true;
            reason = "runner flyway";
          } else {
            transactional = false;
            Statement s = statements.get(nonTx.get(0));
            reason =
                "contains "
                    + cannotRunInTransaction(s, pgVersion)
                    + " (line "
                    + s.span().line()
                    + ")";
          }
      }
    }
    List<Transaction> out = new ArrayList<>(statements.size());
    Transaction current =
        transactional ? new Transaction(ids.incrementAndGet(), Transaction.Kind.FILE) : null;
    for (Statement s : statements) {
      if (s instanceof TransactionStatement) {
        TransactionStatement ts = (TransactionStatement) s;
        if (ts.command().opens()) {
          if (current == null) {
            current = new Transaction(ids.incrementAndGet(), Transaction.Kind.EXPLICIT);
          }
          out.add(current);
          continue;
        }
        if (ts.command().closes()) {
          if (current == null) {
            out.add(new Transaction(ids.incrementAndGet(), Transaction.Kind.AUTOCOMMIT));
          } else {
            current.terminate();
            out.add(current);
            current = null;
          }
          continue;
        }
      }
      out.add(
          current != null
              ? current
              : new Transaction(ids.incrementAndGet(), Transaction.Kind.AUTOCOMMIT));
    }
    return new TransactionPlan(transactional, reason, List.copyOf(nonTx), mixed, List.copyOf(out));
  }

  /** Why a statement (or a statement inside its DO block) cannot run in a transaction, or null. */
  static String cannotRunInTransaction(Statement s, int pgVersion) {
    String r = TransactionRequirement.cannotRunInTransaction(s, pgVersion);
    if (r == null && s instanceof DoBlock) {
      // DO runs its body in the caller's transaction: nothing inside can escape it.
      return null;
    }
    return r;
  }
}
