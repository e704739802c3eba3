package dev.greenlight.linter.rules.facts;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.AlterColumnOther;
import dev.greenlight.linter.ddl.AlterTableAction.AttachPartition;
import dev.greenlight.linter.ddl.AlterTableAction.DetachPartition;
import dev.greenlight.linter.ddl.AlterTableAction.OtherAction;
import dev.greenlight.linter.ddl.AlterTableAction.ValidateConstraint;
import dev.greenlight.linter.ddl.Cluster;
import dev.greenlight.linter.ddl.ColumnDefinition;
import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.CreateIndex;
import dev.greenlight.linter.ddl.CreateTable;
import dev.greenlight.linter.ddl.CreateTrigger;
import dev.greenlight.linter.ddl.DropStatement;
import dev.greenlight.linter.ddl.LockTable;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.RefreshMaterializedView;
import dev.greenlight.linter.ddl.Reindex;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.TableConstraint;
import dev.greenlight.linter.ddl.Truncate;
import dev.greenlight.linter.ddl.Vacuum;
import dev.greenlight.linter.rules.spi.RuleContext;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The table locks a statement takes, following the lock table of PostgreSQL's documentation for
 * {@code ALTER TABLE}, {@code CREATE INDEX}, {@code DROP}, {@code REINDEX} and friends.
 */
public final class Locks {

  private Locks() {}

  /** Every table the statement locks, each with the strongest mode taken on it. */
  public static List<TableLock> taken(Statement statement, RuleContext context) {
    Map<String, TableLock> locks = new LinkedHashMap<>();
    if (statement instanceof AlterTable alter) {
      for (AlterTableAction action : alter.actions()) {
        add(locks, alter.table(), actionMode(action, context.pgVersion()));
        referencedBy(action).forEach(t -> add(locks, t, LockMode.SHARE_ROW_EXCLUSIVE));
        if (action instanceof DetachPartition detach) {
          add(locks, detach.partition(), actionMode(action, context.pgVersion()));
        } else if (action instanceof AttachPartition attach) {
          add(locks, attach.partition(), LockMode.ACCESS_EXCLUSIVE);
        }
      }
    } else if (statement instanceof CreateTable create) {
      for (ColumnDefinition c : create.columns()) {
        c.constraints().forEach(k -> referenced(k, locks));
      }
      create.constraints().forEach(k -> referenced(k, locks));
    } else if (statement instanceof CreateIndex index) {
      add(
          locks,
          index.table(),
          index.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE);
    } else if (statement instanceof DropStatement drop) {
      dropLocks(drop, context, locks);
    } else if (statement instanceof Reindex reindex && reindex.name() != null) {
      LockMode mode = reindex.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.SHARE;
      if (reindex.target().equals("TABLE")) {
        add(locks, reindex.name(), mode);
      } else if (reindex.target().equals("INDEX")) {
        context.tableOfIndex(reindex.name()).ifPresent(t -> add(locks, t, mode));
      }
    } else if (statement instanceof Vacuum vacuum) {
      LockMode mode = vacuum.full() ? LockMode.ACCESS_EXCLUSIVE : LockMode.SHARE_UPDATE_EXCLUSIVE;
      vacuum.tables().forEach(t -> add(locks, t, mode));
    } else if (statement instanceof Cluster cluster && cluster.table() != null) {
      add(locks, cluster.table(), LockMode.ACCESS_EXCLUSIVE);
    } else if (statement instanceof Truncate truncate) {
      truncate.tables().forEach(t -> add(locks, t, LockMode.ACCESS_EXCLUSIVE));
    } else if (statement instanceof LockTable lock) {
      LockMode mode = LockMode.parse(lock.mode());
      lock.tables().forEach(t -> add(locks, t, mode == null ? LockMode.ACCESS_EXCLUSIVE : mode));
    } else if (statement instanceof CreateTrigger trigger) {
      add(locks, trigger.table(), LockMode.SHARE_ROW_EXCLUSIVE);
    } else if (statement instanceof RefreshMaterializedView refresh) {
      add(
          locks,
          refresh.name(),
          refresh.concurrently() ? LockMode.EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE);
    }
    return new ArrayList<>(locks.values());
  }

  /** The strongest lock the statement takes on an existing table that blocks writes, if any. */
  public static java.util.Optional<TableLock> strongestOnExisting(
      Statement statement, RuleContext context) {
    TableLock best = null;
    for (TableLock lock : taken(statement, context)) {
      if (lock.mode().blocksWrites()
          && context.isExistingTable(lock.table())
          && (best == null || lock.mode().compareTo(best.mode()) > 0)) {
        best = lock;
      }
    }
    return java.util.Optional.ofNullable(best);
  }

  private static void dropLocks(
      DropStatement drop, RuleContext context, Map<String, TableLock> locks) {
    switch (drop.objectKind()) {
      case TABLE, MATERIALIZED_VIEW, FOREIGN_TABLE ->
          drop.names().forEach(t -> add(locks, t, LockMode.ACCESS_EXCLUSIVE));
      case INDEX -> {
        LockMode mode =
            drop.concurrently() ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
        for (QualifiedName index : drop.names()) {
          context.tableOfIndex(index).ifPresent(t -> add(locks, t, mode));
        }
      }
      case TRIGGER, POLICY, RULE -> {
        if (drop.onTable() != null) {
          add(locks, drop.onTable(), LockMode.ACCESS_EXCLUSIVE);
        }
      }
      default -> {}
    }
  }

  private static LockMode actionMode(AlterTableAction action, int pgVersion) {
    if (action instanceof ValidateConstraint) {
      return LockMode.SHARE_UPDATE_EXCLUSIVE;
    }
    if (action instanceof AddConstraint add
        && add.constraint().type() == ConstraintType.FOREIGN_KEY) {
      return LockMode.SHARE_ROW_EXCLUSIVE;
    }
    if (action instanceof AttachPartition) {
      return pgVersion >= 12 ? LockMode.SHARE_UPDATE_EXCLUSIVE : LockMode.ACCESS_EXCLUSIVE;
    }
    if (action instanceof DetachPartition detach && detach.concurrently()) {
      return LockMode.SHARE_UPDATE_EXCLUSIVE;
    }
    if (action instanceof AlterColumnOther other) {
      String op = other.operation().toUpperCase(Locale.ROOT);
      // SET STATISTICS and SET/RESET (attribute options); STORAGE, COMPRESSION, … are exclusive
      return op.startsWith("SET STATISTICS")
              || op.equals("SET")
              || op.startsWith("SET (")
              || op.startsWith("RESET")
          ? LockMode.SHARE_UPDATE_EXCLUSIVE
          : LockMode.ACCESS_EXCLUSIVE;
    }
    if (action instanceof OtherAction other) {
      String op = other.operation().toUpperCase(Locale.ROOT);
      if (op.startsWith("ENABLE TRIGGER")
          || op.startsWith("DISABLE TRIGGER")
          || op.startsWith("ENABLE ALWAYS TRIGGER")
          || op.startsWith("ENABLE REPLICA TRIGGER")) {
        return LockMode.SHARE_ROW_EXCLUSIVE;
      }
      // CLUSTER ON, SET WITHOUT CLUSTER and storage parameters (SET (…) reads as plain SET)
      if (op.startsWith("CLUSTER")
          || op.startsWith("SET WITHOUT")
          || op.equals("SET")
          || op.startsWith("RESET")) {
        return LockMode.SHARE_UPDATE_EXCLUSIVE;
      }
    }
    return LockMode.ACCESS_EXCLUSIVE;
  }

  private static List<QualifiedName> referencedBy(AlterTableAction action) {
    List<QualifiedName> out = new ArrayList<>(1);
    if (action instanceof AddConstraint add && add.constraint().references() != null) {
      out.add(add.constraint().references().table());
    } else if (action instanceof AddColumn column) {
      for (TableConstraint k : column.column().constraints()) {
        if (k.references() != null) {
          out.add(k.references().table());
        }
      }
    }
    return out;
  }

  private static void referenced(TableConstraint constraint, Map<String, TableLock> locks) {
    if (constraint.references() != null) {
      add(locks, constraint.references().table(), LockMode.SHARE_ROW_EXCLUSIVE);
    }
  }

  private static void add(Map<String, TableLock> locks, QualifiedName table, LockMode mode) {
    locks.merge(
        table.toString(),
        new TableLock(table, mode),
        (a, b) -> a.mode().compareTo(b.mode()) >= 0 ? a : b);
  }
}
