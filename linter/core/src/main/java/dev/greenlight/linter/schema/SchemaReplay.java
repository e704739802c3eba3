package dev.greenlight.linter.schema;

import dev.greenlight.linter.ddl.AlterObject;
import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterType;
import dev.greenlight.linter.ddl.ColumnDefinition;
import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.CreateDomain;
import dev.greenlight.linter.ddl.CreateFunction;
import dev.greenlight.linter.ddl.CreateIndex;
import dev.greenlight.linter.ddl.CreateSequence;
import dev.greenlight.linter.ddl.CreateTable;
import dev.greenlight.linter.ddl.CreateTableAs;
import dev.greenlight.linter.ddl.CreateType;
import dev.greenlight.linter.ddl.CreateView;
import dev.greenlight.linter.ddl.DropStatement;
import dev.greenlight.linter.ddl.Name;
import dev.greenlight.linter.ddl.ObjectKind;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.TableConstraint;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Replays migration statements, in order, into a versioned in-memory schema. Each object keeps its
 * versions per replay step, so {@link #viewBefore(Step)} answers questions about the schema as it
 * was before any statement, after the whole replay has run, without copying the schema per
 * statement.
 */
public final class SchemaReplay {
  private final String defaultSchema;
  private final boolean sinceMode;
  final Map<String, History<Table>> tables = new HashMap<>();
  final Map<String, History<Index>> indexes = new HashMap<>();
  final Map<String, Set<String>> indexesByTable = new HashMap<>();
  final Map<String, History<View>> views = new HashMap<>();
  final Map<String, History<TypeDefinition>> types = new HashMap<>();
  final Map<String, History<Routine>> routines = new HashMap<>();
  final Map<String, History<Sequence>> sequences = new HashMap<>();
  final Map<String, History<Origin>> schemas = new HashMap<>();
  private int lastStep = -1;

  /**
   * @param defaultSchema where unqualified names resolve ({@code public})
   * @param sinceMode true when a change under review is marked ({@code --since}): objects its
   *     migrations create are new, not existing
   */
  public SchemaReplay(String defaultSchema, boolean sinceMode) {
    this.defaultSchema = defaultSchema;
    this.sinceMode = sinceMode;
  }

  public String defaultSchema() {
    return defaultSchema;
  }

  public boolean sinceMode() {
    return sinceMode;
  }

  /**
   * The schema as it was before {@code step} ran (valid once the replay got that far or further).
   */
  public SchemaView viewBefore(Step step) {
    return new SchemaView(this, step);
  }

  /** The schema after the whole replay so far. */
  public SchemaView viewAfterAll() {
    return new SchemaView(this, new Step(Integer.MAX_VALUE, Integer.MAX_VALUE, -2, false));
  }

  String key(QualifiedName n) {
    return n.key(defaultSchema);
  }

  private String schemaOf(QualifiedName n) {
    return n.schema() == null ? defaultSchema : n.schema();
  }

  private static <T> History<T> history(Map<String, History<T>> map, String key) {
    return map.computeIfAbsent(key, k -> new History<>());
  }

  /**
   * Applies one statement. Steps must be applied in increasing order; statements that do not change
   * the schema are accepted and ignored. Never throws on odd input (a DROP of something unknown, an
   * ALTER of a baseline table).
   */
  public void apply(Statement statement, Step step) {
    if (step.step() <= lastStep) {
      throw new IllegalArgumentException(
          "steps must increase: " + step.step() + " after " + lastStep);
    }
    lastStep = step.step();
    Origin at = step.origin();
    if (statement instanceof CreateTable) {
      createTable((CreateTable) statement, at);
    } else if (statement instanceof CreateTableAs) {
      CreateTableAs c = (CreateTableAs) statement;
      String key = key(c.table());
      if (!(c.ifNotExists() && current(tables, key) != null)) {
        history(tables, key)
            .put(
                at.step(),
                new Table(
                    schemaOf(c.table()), c.table().name(), List.of(), List.of(), false, false, at));
      }
    } else if (statement instanceof AlterTable) {
      alterTable((AlterTable) statement, at);
    } else if (statement instanceof DropStatement) {
      drop((DropStatement) statement, at);
    } else if (statement instanceof CreateIndex) {
      createIndex((CreateIndex) statement, at);
    } else if (statement instanceof CreateView) {
      CreateView v = (CreateView) statement;
      String key = key(v.name());
      if (!(v.ifNotExists() && current(views, key) != null)) {
        List<String> refs = new ArrayList<>();
        for (QualifiedName q : v.referencedTables()) {
          refs.add(key(q));
        }
        View old = current(views, key);
        history(views, key)
            .put(
                at.step(),
                new View(
                    schemaOf(v.name()),
                    v.name().name(),
                    v.materialized(),
                    List.copyOf(refs),
                    old != null && v.orReplace() ? old.origin() : at));
      }
    } else if (statement instanceof CreateType) {
      CreateType c = (CreateType) statement;
      TypeDefinition.Kind kind = TypeDefinition.Kind.valueOf(c.variant().name());
      history(types, key(c.name()))
          .put(
              at.step(),
              new TypeDefinition(schemaOf(c.name()), c.name().name(), kind, c.enumValues(), at));
    } else if (statement instanceof CreateDomain) {
      CreateDomain d = (CreateDomain) statement;
      history(types, key(d.name()))
          .put(
              at.step(),
              new TypeDefinition(
                  schemaOf(d.name()), d.name().name(), TypeDefinition.Kind.DOMAIN, List.of(), at));
    } else if (statement instanceof AlterType) {
      alterType((AlterType) statement, at);
    } else if (statement instanceof CreateFunction) {
      CreateFunction f = (CreateFunction) statement;
      String key = key(f.name());
      Routine old = current(routines, key);
      if (old == null || !f.orReplace()) {
        history(routines, key)
            .put(at.step(), new Routine(schemaOf(f.name()), f.name().name(), f.procedure(), at));
      }
    } else if (statement instanceof CreateSequence) {
      CreateSequence s = (CreateSequence) statement;
      String key = key(s.name());
      if (!(s.ifNotExists() && current(sequences, key) != null)) {
        history(sequences, key)
            .put(at.step(), new Sequence(schemaOf(s.name()), s.name().name(), at));
      }
    } else if (statement instanceof dev.greenlight.linter.ddl.CreateSchema) {
      dev.greenlight.linter.ddl.CreateSchema s = (dev.greenlight.linter.ddl.CreateSchema) statement;
      if (s.name() != null && current(schemas, s.name().value()) == null) {
        history(schemas, s.name().value()).put(at.step(), at);
      }
    } else if (statement instanceof AlterObject) {
      alterObject((AlterObject) statement, at);
    }
  }

  private static <T> T current(Map<String, History<T>> map, String key) {
    History<T> h = map.get(key);
    return h == null ? null : h.latest();
  }

  // ---------------------------------------------------------------- tables

  private void createTable(CreateTable c, Origin at) {
    String key = key(c.table());
    if (c.ifNotExists() && current(tables, key) != null) {
      return;
    }
    String schema = schemaOf(c.table());
    String name = c.table().name();
    List<Column> columns = new ArrayList<>();
    List<Constraint> constraints = new ArrayList<>();
    if (c.partitionOf() != null) {
      Table parent = current(tables, key(c.partitionOf()));
      if (parent != null) {
        for (Column col : parent.columns()) {
          columns.add(
              new Column(
                  col.name(),
                  col.type(),
                  col.notNull(),
                  col.defaultValue(),
                  col.identity(),
                  col.generated(),
                  at));
        }
      }
    }
    for (ColumnDefinition d : c.columns()) {
      Column col = column(d, at);
      int existing = indexOfColumn(columns, col.name());
      if (existing >= 0) {
        Column merged = columns.get(existing);
        columns.set(
            existing,
            new Column(
                merged.name(),
                merged.type(),
                merged.notNull() || col.notNull(),
                col.defaultValue() != null ? col.defaultValue() : merged.defaultValue(),
                merged.identity(),
                merged.generated(),
                at));
      } else {
        columns.add(col);
      }
      for (TableConstraint tc : d.constraints()) {
        if (tc.type() != ConstraintType.NOT_NULL) {
          constraints.add(constraint(name, tc, at));
        }
      }
    }
    for (TableConstraint tc : c.constraints()) {
      Constraint k = constraint(name, tc, at);
      constraints.add(k);
      if (tc.type() == ConstraintType.PRIMARY_KEY) {
        for (String colName : k.columns()) {
          int i = indexOfColumn(columns, colName);
          if (i >= 0) {
            columns.set(i, columns.get(i).withNotNull(true));
          }
        }
      }
    }
    Table table =
        new Table(
            schema,
            name,
            java.util.Collections.unmodifiableList(columns),
            java.util.Collections.unmodifiableList(constraints),
            c.partitioned(),
            c.unlogged(),
            at);
    history(tables, key).put(at.step(), table);
    for (Constraint k : constraints) {
      backingIndex(table, k, at);
    }
  }

  private static int indexOfColumn(List<Column> columns, String name) {
    for (int i = 0; i < columns.size(); i++) {
      if (columns.get(i).name().equals(name)) {
        return i;
      }
    }
    return -1;
  }

  private static Column column(ColumnDefinition d, Origin at) {
    boolean identity = d.isIdentity();
    boolean generated = d.generated() != null && !identity;
    return new Column(
        d.name().value(),
        d.type(),
        d.notNull() || identity,
        d.defaultValue(),
        identity,
        generated,
        at);
  }

  private Constraint constraint(String table, TableConstraint tc, Origin at) {
    List<String> cols = new ArrayList<>();
    for (Name n : tc.columns()) {
      cols.add(n.value());
    }
    if (tc.type() == ConstraintType.CHECK && cols.isEmpty() && tc.check() != null) {
      for (String ref : tc.check().columnReferences()) {
        if (!cols.contains(ref)) {
          cols.add(ref);
        }
      }
    }
    String name = tc.name() != null ? tc.name().value() : generatedName(table, tc.type(), cols);
    String referenced = tc.references() == null ? null : key(tc.references().table());
    boolean valid = !tc.notValid();
    return new Constraint(
        name, tc.type(), List.copyOf(cols), tc.check(), referenced, valid, at, valid ? at : null);
  }

  /**
   * PostgreSQL's generated constraint names: {@code t_pkey}, {@code t_c_key}, {@code t_c_check}…
   */
  static String generatedName(String table, ConstraintType type, List<String> cols) {
    switch (type) {
      case PRIMARY_KEY:
        return table + "_pkey";
      case UNIQUE:
        return table + "_" + String.join("_", cols) + "_key";
      case FOREIGN_KEY:
        return table + "_" + String.join("_", cols) + "_fkey";
      case EXCLUDE:
        return table + "_" + String.join("_", cols) + "_excl";
      case NOT_NULL:
        return table + "_" + String.join("_", cols) + "_not_null";
      default:
        return cols.isEmpty() ? table + "_check" : table + "_" + cols.get(0) + "_check";
    }
  }

  private void backingIndex(Table table, Constraint k, Origin at) {
    if (k.type() != ConstraintType.PRIMARY_KEY
        && k.type() != ConstraintType.UNIQUE
        && k.type() != ConstraintType.EXCLUDE) {
      return;
    }
    String key = table.schema() + "." + k.name();
    putIndex(
        key,
        new Index(
            table.schema(),
            k.name(),
            table.key(),
            k.type() != ConstraintType.EXCLUDE,
            k.columns(),
            null,
            true,
            at),
        at);
  }

  private void putIndex(String key, Index index, Origin at) {
    history(indexes, key).put(at.step(), index);
    if (index != null) {
      indexesByTable.computeIfAbsent(index.table(), k -> new LinkedHashSet<>()).add(key);
    }
  }

  /** The table as it is now; a baseline table when no migration created it. */
  private Table tableForAlter(QualifiedName name) {
    String key = key(name);
    Table t = current(tables, key);
    if (t == null) {
      t =
          new Table(
              schemaOf(name), name.name(), List.of(), List.of(), false, false, Origin.BASELINE);
    }
    return t;
  }

  private void alterTable(AlterTable a, Origin at) {
    String key = key(a.table());
    if (a.ifExists() && current(tables, key) == null) {
      History<Table> h = tables.get(key);
      if (h != null && h.everExisted()) {
        return;
      }
    }
    Table t = tableForAlter(a.table());
    for (AlterTableAction action : a.actions()) {
      t = alterAction(t, action, at);
      if (t == null) {
        return;
      }
    }
    history(tables, t.key()).put(at.step(), t);
  }

  private Table alterAction(Table t, AlterTableAction action, Origin at) {
    if (action instanceof AlterTableAction.AddColumn) {
      List<Column> cols = new ArrayList<>(t.columns());
      List<Constraint> cons = new ArrayList<>(t.constraints());
      AlterTableAction.AddColumn add = (AlterTableAction.AddColumn) action;
      ColumnDefinition d = add.column();
      if (indexOfColumn(cols, d.name().value()) >= 0) {
        return t;
      }
      cols.add(column(d, at));
      Table result = t.withColumns(cols);
      for (TableConstraint tc : d.constraints()) {
        if (tc.type() != ConstraintType.NOT_NULL) {
          Constraint k = constraint(t.name(), tc, at);
          cons.add(k);
          backingIndex(result, k, at);
        }
      }
      return result.withConstraints(cons);
    }
    if (action instanceof AlterTableAction.DropColumn) {
      List<Column> cols = new ArrayList<>(t.columns());
      List<Constraint> cons = new ArrayList<>(t.constraints());
      String name = ((AlterTableAction.DropColumn) action).column().value();
      cols.removeIf(c -> c.name().equals(name));
      cons.removeIf(k -> k.columns().contains(name));
      Set<String> idx = indexesByTable.get(t.key());
      if (idx != null) {
        for (String ik : idx) {
          Index i = current(indexes, ik);
          if (i != null && i.columns().contains(name)) {
            putIndex(ik, null, at);
          }
        }
      }
      return t.withColumns(cols).withConstraints(cons);
    }
    if (action instanceof AlterTableAction.AlterColumnType) {
      List<Column> cols = new ArrayList<>(t.columns());
      AlterTableAction.AlterColumnType a = (AlterTableAction.AlterColumnType) action;
      return t.withColumns(mapColumn(cols, a.column().value(), c -> c.withType(a.type()), at, t));
    }
    if (action instanceof AlterTableAction.SetDefault) {
      List<Column> cols = new ArrayList<>(t.columns());
      AlterTableAction.SetDefault a = (AlterTableAction.SetDefault) action;
      return t.withColumns(
          mapColumn(cols, a.column().value(), c -> c.withDefault(a.expression()), at, t));
    }
    if (action instanceof AlterTableAction.DropDefault) {
      List<Column> cols = new ArrayList<>(t.columns());
      AlterTableAction.DropDefault a = (AlterTableAction.DropDefault) action;
      return t.withColumns(mapColumn(cols, a.column().value(), c -> c.withDefault(null), at, t));
    }
    if (action instanceof AlterTableAction.SetNotNull) {
      List<Column> cols = new ArrayList<>(t.columns());
      AlterTableAction.SetNotNull a = (AlterTableAction.SetNotNull) action;
      return t.withColumns(mapColumn(cols, a.column().value(), c -> c.withNotNull(true), at, t));
    }
    if (action instanceof AlterTableAction.DropNotNull) {
      List<Column> cols = new ArrayList<>(t.columns());
      AlterTableAction.DropNotNull a = (AlterTableAction.DropNotNull) action;
      return t.withColumns(mapColumn(cols, a.column().value(), c -> c.withNotNull(false), at, t));
    }
    if (action instanceof AlterTableAction.AddIdentity) {
      List<Column> cols = new ArrayList<>(t.columns());
      AlterTableAction.AddIdentity a = (AlterTableAction.AddIdentity) action;
      return t.withColumns(
          mapColumn(cols, a.column().value(), c -> c.withIdentity(true).withNotNull(true), at, t));
    }
    if (action instanceof AlterTableAction.AddConstraint) {
      List<Constraint> cons = new ArrayList<>(t.constraints());
      TableConstraint tc = ((AlterTableAction.AddConstraint) action).constraint();
      Constraint k = constraint(t.name(), tc, at);
      if (tc.usingIndex() != null) {
        String ik = t.schema() + "." + tc.usingIndex().value();
        Index idx = current(indexes, ik);
        if (idx != null) {
          k = k.withColumns(idx.columns());
          putIndex(ik, null, at);
        }
      }
      cons.add(k);
      Table result = t.withConstraints(cons);
      if (k.type() == ConstraintType.PRIMARY_KEY) {
        for (String c : k.columns()) {
          result =
              result.withColumns(
                  mapColumn(
                      new ArrayList<>(result.columns()), c, x -> x.withNotNull(true), at, result));
        }
      }
      backingIndex(result, k, at);
      return result;
    }
    if (action instanceof AlterTableAction.ValidateConstraint) {
      List<Constraint> cons = new ArrayList<>(t.constraints());
      String name = ((AlterTableAction.ValidateConstraint) action).constraint().value();
      for (int i = 0; i < cons.size(); i++) {
        if (cons.get(i).name().equals(name) && !cons.get(i).validated()) {
          cons.set(i, cons.get(i).validate(at));
        }
      }
      return t.withConstraints(cons);
    }
    if (action instanceof AlterTableAction.DropConstraint) {
      List<Constraint> cons = new ArrayList<>(t.constraints());
      String name = ((AlterTableAction.DropConstraint) action).constraint().value();
      cons.removeIf(k -> k.name().equals(name));
      String ik = t.schema() + "." + name;
      Index idx = current(indexes, ik);
      if (idx != null && idx.constraint()) {
        putIndex(ik, null, at);
      }
      return t.withConstraints(cons);
    }
    if (action instanceof AlterTableAction.RenameConstraint) {
      List<Constraint> cons = new ArrayList<>(t.constraints());
      AlterTableAction.RenameConstraint r = (AlterTableAction.RenameConstraint) action;
      for (int i = 0; i < cons.size(); i++) {
        if (cons.get(i).name().equals(r.from().value())) {
          cons.set(i, cons.get(i).withName(r.to().value()));
        }
      }
      return t.withConstraints(cons);
    }
    if (action instanceof AlterTableAction.RenameColumn) {
      List<Column> cols = new ArrayList<>(t.columns());
      List<Constraint> cons = new ArrayList<>(t.constraints());
      AlterTableAction.RenameColumn r = (AlterTableAction.RenameColumn) action;
      String from = r.from().value();
      String to = r.to().value();
      List<Column> renamed = mapColumn(cols, from, c -> c.withName(to), at, t);
      for (int i = 0; i < cons.size(); i++) {
        Constraint k = cons.get(i);
        if (k.columns().contains(from)) {
          List<String> cc = new ArrayList<>(k.columns());
          cc.replaceAll(x -> x.equals(from) ? to : x);
          cons.set(i, k.withColumns(List.copyOf(cc)));
        }
      }
      return t.withColumns(renamed).withConstraints(cons);
    }
    if (action instanceof AlterTableAction.RenameTable) {
      String newName = ((AlterTableAction.RenameTable) action).newName().value();
      return moveTable(t, t.schema(), newName, at);
    }
    if (action instanceof AlterTableAction.SetSchema) {
      String newSchema = ((AlterTableAction.SetSchema) action).schema().value();
      return moveTable(t, newSchema, t.name(), at);
    }
    if (action instanceof AlterTableAction.SetPersistence) {
      return t.withUnlogged(!((AlterTableAction.SetPersistence) action).logged());
    }
    return t;
  }

  private Table moveTable(Table t, String schema, String name, Origin at) {
    String oldKey = t.key();
    history(tables, oldKey).put(at.step(), null);
    Table moved = t.renamed(schema, name);
    Set<String> idx = indexesByTable.remove(oldKey);
    if (idx != null) {
      for (String ik : idx) {
        Index i = current(indexes, ik);
        if (i != null) {
          putIndex(ik, i.onTable(moved.key()), at);
        }
      }
    }
    return moved;
  }

  private List<Column> mapColumn(
      List<Column> cols,
      String name,
      java.util.function.UnaryOperator<Column> f,
      Origin at,
      Table t) {
    int i = indexOfColumn(cols, name);
    if (i < 0) {
      // A column the replay never saw (baseline table): it existed before the migrations.
      Column baseline = new Column(name, null, false, null, false, false, Origin.BASELINE);
      cols.add(f.apply(baseline));
    } else {
      cols.set(i, f.apply(cols.get(i)));
    }
    return cols;
  }

  // ---------------------------------------------------------------- other objects

  private void drop(DropStatement d, Origin at) {
    for (QualifiedName n : d.names()) {
      String key = key(n);
      switch (d.objectKind()) {
        case TABLE:
        case FOREIGN_TABLE:
          history(tables, key).put(at.step(), null);
          Set<String> idx = indexesByTable.get(key);
          if (idx != null) {
            for (String ik : idx) {
              if (current(indexes, ik) != null) {
                putIndex(ik, null, at);
              }
            }
          }
          break;
        case VIEW:
        case MATERIALIZED_VIEW:
          history(views, key).put(at.step(), null);
          break;
        case INDEX:
          putIndex(key, null, at);
          break;
        case TYPE:
        case DOMAIN:
          history(types, key).put(at.step(), null);
          break;
        case FUNCTION:
        case PROCEDURE:
        case ROUTINE:
          history(routines, key).put(at.step(), null);
          break;
        case SEQUENCE:
          history(sequences, key).put(at.step(), null);
          break;
        case SCHEMA:
          history(schemas, n.name()).put(at.step(), null);
          break;
        default:
          break;
      }
    }
  }

  private void createIndex(CreateIndex c, Origin at) {
    String schema = schemaOf(c.table());
    String name =
        c.name() != null
            ? c.name().value()
            : c.table().name() + "_" + String.join("_", c.columns()) + "_idx";
    String key = schema + "." + name;
    if (c.ifNotExists() && current(indexes, key) != null) {
      return;
    }
    putIndex(
        key,
        new Index(schema, name, key(c.table()), c.unique(), c.columns(), c.where(), false, at),
        at);
  }

  private void alterType(AlterType a, Origin at) {
    String key = key(a.name());
    TypeDefinition t = current(types, key);
    if (t == null) {
      t =
          new TypeDefinition(
              schemaOf(a.name()),
              a.name().name(),
              TypeDefinition.Kind.ENUM,
              List.of(),
              Origin.BASELINE);
    }
    switch (a.operation()) {
      case ADD_VALUE:
        {
          List<String> labels = new ArrayList<>(t.labels());
          if (labels.contains(a.value())) {
            return;
          }
          int at2 = labels.size();
          if (a.neighbor() != null && labels.contains(a.neighbor())) {
            at2 = labels.indexOf(a.neighbor()) + (a.before() ? 0 : 1);
          }
          labels.add(at2, a.value());
          history(types, key).put(at.step(), t.withLabels(labels));
          return;
        }
      case RENAME_VALUE:
        {
          List<String> labels = new ArrayList<>(t.labels());
          labels.replaceAll(l -> l.equals(a.value()) ? a.newValue() : l);
          history(types, key).put(at.step(), t.withLabels(labels));
          return;
        }
      case RENAME:
        history(types, key).put(at.step(), null);
        history(types, t.schema() + "." + a.newName().value())
            .put(at.step(), t.renamed(t.schema(), a.newName().value()));
        return;
      case SET_SCHEMA:
        history(types, key).put(at.step(), null);
        history(types, a.newName().value() + "." + t.name())
            .put(at.step(), t.renamed(a.newName().value(), t.name()));
        return;
      default:
        return;
    }
  }

  private void alterObject(AlterObject a, Origin at) {
    if (a.operation() != AlterObject.Operation.RENAME
        && a.operation() != AlterObject.Operation.SET_SCHEMA) {
      return;
    }
    String key = key(a.name());
    String schema = schemaOf(a.name());
    String newSchema =
        a.operation() == AlterObject.Operation.SET_SCHEMA ? a.newName().value() : schema;
    String newName =
        a.operation() == AlterObject.Operation.RENAME ? a.newName().value() : a.name().name();
    String newKey = newSchema + "." + newName;
    ObjectKind kind = a.objectKind();
    if (kind == ObjectKind.INDEX) {
      Index i = current(indexes, key);
      if (i != null) {
        putIndex(key, null, at);
        putIndex(newKey, i.renamed(newName), at);
      }
    } else if (kind == ObjectKind.VIEW || kind == ObjectKind.MATERIALIZED_VIEW) {
      View v = current(views, key);
      if (v != null) {
        history(views, key).put(at.step(), null);
        history(views, newKey)
            .put(
                at.step(),
                new View(newSchema, newName, v.materialized(), v.referencedTables(), v.origin()));
      }
    } else if (kind == ObjectKind.SEQUENCE) {
      Sequence s = current(sequences, key);
      if (s != null) {
        history(sequences, key).put(at.step(), null);
        history(sequences, newKey).put(at.step(), new Sequence(newSchema, newName, s.origin()));
      }
    } else if (kind == ObjectKind.FUNCTION
        || kind == ObjectKind.PROCEDURE
        || kind == ObjectKind.ROUTINE) {
      Routine r = current(routines, key);
      if (r != null) {
        history(routines, key).put(at.step(), null);
        history(routines, newKey)
            .put(at.step(), new Routine(newSchema, newName, r.procedure(), r.origin()));
      }
    } else if (kind == ObjectKind.SCHEMA && a.operation() == AlterObject.Operation.RENAME) {
      Origin o = current(schemas, a.name().name());
      history(schemas, a.name().name()).put(at.step(), null);
      history(schemas, newName).put(at.step(), o == null ? Origin.BASELINE : o);
    }
  }
}
