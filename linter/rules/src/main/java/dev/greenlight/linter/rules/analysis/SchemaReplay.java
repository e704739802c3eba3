package dev.greenlight.linter.rules.analysis;

import dev.greenlight.linter.ddl.AlterObject;
import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterType;
import dev.greenlight.linter.ddl.ColumnDefinition;
import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.CreateDomain;
import dev.greenlight.linter.ddl.CreateFunction;
import dev.greenlight.linter.ddl.CreateIndex;
import dev.greenlight.linter.ddl.CreateSchema;
import dev.greenlight.linter.ddl.CreateSequence;
import dev.greenlight.linter.ddl.CreateTable;
import dev.greenlight.linter.ddl.CreateTableAs;
import dev.greenlight.linter.ddl.CreateTrigger;
import dev.greenlight.linter.ddl.CreateType;
import dev.greenlight.linter.ddl.CreateView;
import dev.greenlight.linter.ddl.DropStatement;
import dev.greenlight.linter.ddl.Name;
import dev.greenlight.linter.ddl.ObjectKind;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.TableConstraint;
import dev.greenlight.linter.ddl.TypeName;
import dev.greenlight.linter.rules.spi.ColumnFacts;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The schema as the migrations build it, replayed statement by statement over the typed model. Each
 * object remembers its {@link Origin}; anything no migration created is baseline (existing).
 */
final class SchemaReplay {

  private static final String DEFAULT_SCHEMA = "public";

  private final Map<String, Table> tables = new HashMap<>();
  private final Map<String, String> indexToTable = new HashMap<>();
  private final Map<String, Origin> objects = new HashMap<>();
  private Origin creating = Origin.EARLIER_FILE;

  /** Sets the origin of objects created by the statements applied from now on. */
  void creatingAs(Origin origin) {
    creating = origin;
  }

  /** Turns every object created by the finished file into an earlier file's (live) object. */
  void fileDone(boolean underReview) {
    if (underReview) {
      return;
    }
    tables.values().forEach(t -> t.settle());
    objects.replaceAll((k, o) -> o == Origin.SAME_FILE ? Origin.EARLIER_FILE : o);
  }

  boolean isExistingTable(QualifiedName name) {
    Table t = tables.get(key(name));
    if (t != null) {
      return t.origin.existing();
    }
    Origin view = objects.get(objectKey(ObjectKind.VIEW, name));
    return view == null || view.existing();
  }

  boolean isExistingObject(ObjectKind kind, QualifiedName name) {
    Origin o = objects.get(objectKey(kind, name));
    return o == null || o.existing();
  }

  Optional<ColumnFacts> column(QualifiedName table, String column) {
    Table t = tables.get(key(table));
    Column c = t == null ? null : t.columns.get(column);
    return c == null
        ? Optional.empty()
        : Optional.of(
            new ColumnFacts(column, c.type, c.notNull, c.hasDefault, c.origin.existing()));
  }

  Optional<QualifiedName> tableOfIndex(QualifiedName index) {
    String table = indexToTable.get(key(index));
    if (table == null) {
      return Optional.empty();
    }
    int dot = table.indexOf('.');
    return Optional.of(
        new QualifiedName(table.substring(0, dot), table.substring(dot + 1), index.span()));
  }

  boolean hasValidatedNotNullCheck(QualifiedName table, String column) {
    Table t = tables.get(key(table));
    return t != null
        && t.checks.values().stream().anyMatch(c -> c.validated && column.equals(c.notNullColumn));
  }

  /** Applies one statement's effect on the schema. */
  void apply(Statement statement) {
    if (statement instanceof CreateTable create) {
      Table t = new Table(creating);
      for (ColumnDefinition c : create.columns()) {
        t.columns.put(c.name().value(), Column.of(c, creating));
      }
      for (TableConstraint k : create.constraints()) {
        t.addConstraint(k);
      }
      tables.put(key(create.table()), t);
    } else if (statement instanceof CreateTableAs create) {
      tables.put(key(create.table()), new Table(creating));
    } else if (statement instanceof CreateView view) {
      if (view.materialized()) {
        tables.put(key(view.name()), new Table(creating));
      } else if (!objects.containsKey(objectKey(ObjectKind.VIEW, view.name()))) {
        objects.put(objectKey(ObjectKind.VIEW, view.name()), creating);
      }
    } else if (statement instanceof AlterTable alter) {
      alterTable(alter);
    } else if (statement instanceof CreateIndex index && index.name() != null) {
      QualifiedName name = new QualifiedName(index.table().schema(), index.name().value(), null);
      indexToTable.put(key(name), key(index.table()));
    } else if (statement instanceof DropStatement drop) {
      for (QualifiedName name : drop.names()) {
        switch (drop.objectKind()) {
          case TABLE, FOREIGN_TABLE, MATERIALIZED_VIEW -> {
            String k = key(name);
            tables.remove(k);
            indexToTable.values().removeIf(k::equals);
          }
          case INDEX -> indexToTable.remove(key(name));
          default -> objects.remove(objectKey(drop.objectKind(), name));
        }
      }
    } else if (statement instanceof CreateSchema schema) {
      objects.put(ObjectKind.SCHEMA + ":" + schema.name().value(), creating);
    } else if (statement instanceof CreateType type) {
      objects.putIfAbsent(objectKey(ObjectKind.TYPE, type.name()), creating);
    } else if (statement instanceof CreateDomain domain) {
      objects.putIfAbsent(objectKey(ObjectKind.DOMAIN, domain.name()), creating);
    } else if (statement instanceof CreateFunction f) {
      objects.putIfAbsent(
          objectKey(f.procedure() ? ObjectKind.PROCEDURE : ObjectKind.FUNCTION, f.name()),
          creating);
    } else if (statement instanceof CreateSequence s) {
      objects.putIfAbsent(objectKey(ObjectKind.SEQUENCE, s.name()), creating);
    } else if (statement instanceof CreateTrigger t) {
      objects.putIfAbsent(ObjectKind.TRIGGER + ":" + t.name().value(), creating);
    } else if (statement instanceof AlterObject alter
        && alter.operation() == AlterObject.Operation.RENAME
        && alter.newName() != null) {
      renameObject(alter.objectKind(), alter.name(), alter.newName().value());
    } else if (statement instanceof AlterType type
        && type.operation() == AlterType.Operation.RENAME
        && type.newName() != null) {
      renameObject(ObjectKind.TYPE, type.name(), type.newName().value());
    }
  }

  private void renameObject(ObjectKind kind, QualifiedName from, String to) {
    QualifiedName target = new QualifiedName(from.schema(), to, null);
    if (kind == ObjectKind.INDEX) {
      String table = indexToTable.remove(key(from));
      if (table != null) {
        indexToTable.put(key(target), table);
      }
    } else if (kind == ObjectKind.MATERIALIZED_VIEW || kind == ObjectKind.TABLE) {
      Table t = tables.remove(key(from));
      tables.put(key(target), t == null ? new Table(Origin.BASELINE) : t);
    } else if (kind == ObjectKind.SCHEMA) {
      Origin o = objects.remove(ObjectKind.SCHEMA + ":" + from.name());
      objects.put(ObjectKind.SCHEMA + ":" + to, o == null ? Origin.BASELINE : o);
    } else {
      Origin o = objects.remove(objectKey(kind, from));
      objects.put(objectKey(kind, target), o == null ? Origin.BASELINE : o);
    }
  }

  private void alterTable(AlterTable alter) {
    String k = key(alter.table());
    Table t = tables.computeIfAbsent(k, x -> new Table(Origin.BASELINE));
    for (AlterTableAction action : alter.actions()) {
      if (action instanceof AlterTableAction.AddColumn add) {
        t.columns.put(add.column().name().value(), Column.of(add.column(), creating));
        add.column().constraints().forEach(t::addConstraint);
      } else if (action instanceof AlterTableAction.DropColumn drop) {
        t.columns.remove(drop.column().value());
      } else if (action instanceof AlterTableAction.AlterColumnType change) {
        t.column(change.column().value()).type = change.type();
      } else if (action instanceof AlterTableAction.SetDefault set) {
        t.column(set.column().value()).hasDefault = !set.expression().isNull();
      } else if (action instanceof AlterTableAction.DropDefault drop) {
        t.column(drop.column().value()).hasDefault = false;
      } else if (action instanceof AlterTableAction.SetNotNull set) {
        t.column(set.column().value()).notNull = true;
      } else if (action instanceof AlterTableAction.DropNotNull drop) {
        t.column(drop.column().value()).notNull = false;
      } else if (action instanceof AlterTableAction.AddIdentity identity) {
        t.column(identity.column().value()).hasDefault = true;
      } else if (action instanceof AlterTableAction.AddConstraint add) {
        t.addConstraint(add.constraint());
      } else if (action instanceof AlterTableAction.ValidateConstraint validate) {
        Check c = t.checks.get(validate.constraint().value());
        if (c != null) {
          c.validated = true;
        }
      } else if (action instanceof AlterTableAction.DropConstraint drop) {
        t.checks.remove(drop.constraint().value());
      } else if (action instanceof AlterTableAction.RenameConstraint rename) {
        Check c = t.checks.remove(rename.from().value());
        if (c != null) {
          t.checks.put(rename.to().value(), c);
        }
      } else if (action instanceof AlterTableAction.RenameColumn rename) {
        Column c = t.columns.remove(rename.from().value());
        t.columns.put(rename.to().value(), c == null ? new Column(null, Origin.BASELINE) : c);
      } else if (action instanceof AlterTableAction.RenameTable rename) {
        tables.remove(k);
        String moved =
            key(new QualifiedName(alter.table().schema(), rename.newName().value(), null));
        tables.put(moved, t);
        indexToTable.replaceAll((i, table) -> table.equals(k) ? moved : table);
      } else if (action instanceof AlterTableAction.SetSchema set) {
        tables.remove(k);
        tables.put(set.schema().value() + "." + alter.table().name(), t);
      }
    }
  }

  private static String key(QualifiedName name) {
    return (name.schema() == null ? DEFAULT_SCHEMA : name.schema()) + "." + name.name();
  }

  private static String objectKey(ObjectKind kind, QualifiedName name) {
    ObjectKind k = kind == ObjectKind.ROUTINE ? ObjectKind.FUNCTION : kind;
    if (k == ObjectKind.SCHEMA || k == ObjectKind.TRIGGER) {
      return k + ":" + name.name();
    }
    return k + ":" + key(name);
  }

  /** A table of the replayed schema. */
  private static final class Table {
    Origin origin;
    final Map<String, Column> columns = new LinkedHashMap<>();
    final Map<String, Check> checks = new LinkedHashMap<>();
    private int unnamed;

    Table(Origin origin) {
      this.origin = origin;
    }

    Column column(String name) {
      return columns.computeIfAbsent(name, n -> new Column(null, Origin.BASELINE));
    }

    void addConstraint(TableConstraint k) {
      if (k.type() == ConstraintType.CHECK && k.check() != null) {
        String name = k.nameValue() == null ? "$unnamed" + unnamed++ : k.nameValue();
        checks.put(name, new Check(k.check().notNullCheckColumn().orElse(null), !k.notValid()));
      } else if (k.type() == ConstraintType.PRIMARY_KEY || k.type() == ConstraintType.NOT_NULL) {
        for (Name c : k.columns()) {
          column(c.value()).notNull = true;
        }
      }
    }

    void settle() {
      if (origin == Origin.SAME_FILE) {
        origin = Origin.EARLIER_FILE;
      }
      for (Column c : columns.values()) {
        if (c.origin == Origin.SAME_FILE) {
          c.origin = Origin.EARLIER_FILE;
        }
      }
    }
  }

  /** A column of the replayed schema. */
  private static final class Column {
    TypeName type;
    Origin origin;
    boolean notNull;
    boolean hasDefault;

    Column(TypeName type, Origin origin) {
      this.type = type;
      this.origin = origin;
    }

    static Column of(ColumnDefinition c, Origin origin) {
      Column column = new Column(c.type(), origin);
      column.notNull = c.notNull();
      column.hasDefault =
          c.defaultValue() != null && !c.defaultValue().isNull()
              || c.generated() != null
              || c.type() != null && c.type().isSerial();
      return column;
    }
  }

  /** A CHECK constraint, with the column it proves NOT NULL when it is {@code col IS NOT NULL}. */
  private static final class Check {
    final String notNullColumn;
    boolean validated;

    Check(String notNullColumn, boolean validated) {
      this.notNullColumn = notNullColumn;
      this.validated = validated;
    }
  }
}
