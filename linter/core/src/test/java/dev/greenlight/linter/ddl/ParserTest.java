package dev.greenlight.linter.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.AddIdentity;
import dev.greenlight.linter.ddl.AlterTableAction.AlterColumnOther;
import dev.greenlight.linter.ddl.AlterTableAction.AlterColumnType;
import dev.greenlight.linter.ddl.AlterTableAction.AttachPartition;
import dev.greenlight.linter.ddl.AlterTableAction.DetachPartition;
import dev.greenlight.linter.ddl.AlterTableAction.DropColumn;
import dev.greenlight.linter.ddl.AlterTableAction.DropConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.DropDefault;
import dev.greenlight.linter.ddl.AlterTableAction.DropNotNull;
import dev.greenlight.linter.ddl.AlterTableAction.OtherAction;
import dev.greenlight.linter.ddl.AlterTableAction.OwnerTo;
import dev.greenlight.linter.ddl.AlterTableAction.RenameColumn;
import dev.greenlight.linter.ddl.AlterTableAction.RenameConstraint;
import dev.greenlight.linter.ddl.AlterTableAction.RenameTable;
import dev.greenlight.linter.ddl.AlterTableAction.ReplicaIdentity;
import dev.greenlight.linter.ddl.AlterTableAction.SetAccessMethod;
import dev.greenlight.linter.ddl.AlterTableAction.SetDefault;
import dev.greenlight.linter.ddl.AlterTableAction.SetNotNull;
import dev.greenlight.linter.ddl.AlterTableAction.SetPersistence;
import dev.greenlight.linter.ddl.AlterTableAction.SetSchema;
import dev.greenlight.linter.ddl.AlterTableAction.SetTablespace;
import dev.greenlight.linter.ddl.AlterTableAction.ValidateConstraint;
import dev.greenlight.linter.sql.Span;
import dev.greenlight.linter.sql.TransactionCommand;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/**
 * Real PostgreSQL migration statements and the model they must parse to. Sub-spans are checked by
 * the exact text they cover (which pins their offsets), spans of whole statements by line:column.
 */
class ParserTest {

  private record Case(String sql, Consumer<Statement> check) {}

  private static final List<Case> CASES = new ArrayList<>();

  private static <T extends Statement> void add(String sql, Class<T> type, Consumer<T> check) {
    CASES.add(
        new Case(
            sql,
            s -> {
              assertThat(s).as("parsed %s", s).isInstanceOf(type);
              check.accept(type.cast(s));
            }));
  }

  private static String text(String sql, Span span) {
    return span.text(sql);
  }

  private static <A extends AlterTableAction> A action(AlterTable a, int i, Class<A> type) {
    assertThat(a.actions().get(i)).isInstanceOf(type);
    return type.cast(a.actions().get(i));
  }

  private static AlterTable alter(String sql) {
    return (AlterTable) Parser.parse(sql);
  }

  static {
    // ------------------------------------------------------------------ CREATE TABLE
    add(
        "CREATE TABLE orders (id bigserial PRIMARY KEY, customer_id bigint NOT NULL REFERENCES"
            + " customers (id) ON DELETE CASCADE, total numeric(12,2) DEFAULT 0, note text)",
        CreateTable.class,
        c -> {
          assertThat(c.table().toString()).isEqualTo("orders");
          assertThat(c.columns())
              .extracting(col -> col.name().value())
              .containsExactly("id", "customer_id", "total", "note");
          assertThat(c.column("id").type().isSerial()).isTrue();
          assertThat(c.column("id").notNull()).isTrue();
          assertThat(c.column("id").constraint(ConstraintType.PRIMARY_KEY)).isNotNull();
          ForeignKeyReference ref =
              c.column("customer_id").constraint(ConstraintType.FOREIGN_KEY).references();
          assertThat(ref.table().name()).isEqualTo("customers");
          assertThat(ref.onDelete()).isEqualTo("CASCADE");
          assertThat(c.column("total").type().name()).isEqualTo("numeric");
          assertThat(c.column("total").type().modifiers()).containsExactly("12", "2");
          assertThat(c.column("total").defaultValue().text()).isEqualTo("0");
          assertThat(c.column("note").notNull()).isFalse();
        });
    add(
        "CREATE TABLE IF NOT EXISTS billing.\"Invoice\" (\n  id uuid DEFAULT gen_random_uuid(),\n"
            + "  CONSTRAINT invoice_pk PRIMARY KEY (id)\n)",
        CreateTable.class,
        c -> {
          assertThat(c.ifNotExists()).isTrue();
          assertThat(c.table().schema()).isEqualTo("billing");
          assertThat(c.table().name()).isEqualTo("Invoice");
          assertThat(c.column("id").defaultValue().volatility()).isEqualTo(Volatility.VOLATILE);
          assertThat(c.constraints()).hasSize(1);
          assertThat(c.constraints().get(0).nameValue()).isEqualTo("invoice_pk");
          assertThat(c.constraints().get(0).columns())
              .extracting(Name::value)
              .containsExactly("id");
          assertThat(c.span().toString()).isEqualTo("1:1-4:1");
          assertThat(c.constraints().get(0).span().toString()).isEqualTo("3:3-3:40");
        });
    add(
        "CREATE UNLOGGED TABLE scratch (a int)",
        CreateTable.class,
        c -> assertThat(c.unlogged()).isTrue());
    add(
        "CREATE TEMP TABLE tmp (a int) ON COMMIT DROP",
        CreateTable.class,
        c -> assertThat(c.temporary()).isTrue());
    add(
        "CREATE TABLE events (id bigint GENERATED ALWAYS AS IDENTITY, at timestamptz NOT NULL"
            + " DEFAULT now(), day date GENERATED ALWAYS AS (at::date) STORED) PARTITION BY RANGE"
            + " (at)",
        CreateTable.class,
        c -> {
          assertThat(c.partitioned()).isTrue();
          assertThat(c.column("id").isIdentity()).isTrue();
          assertThat(c.column("id").generated().always()).isTrue();
          assertThat(c.column("at").type().name()).isEqualTo("timestamptz");
          assertThat(c.column("at").defaultValue().volatility()).isEqualTo(Volatility.NON_VOLATILE);
          assertThat(c.column("day").isStoredGenerated()).isTrue();
          assertThat(c.column("day").generated().expression().text()).isEqualTo("at::date");
        });
    add(
        "CREATE TABLE events_2026 PARTITION OF events FOR VALUES FROM ('2026-01-01') TO"
            + " ('2027-01-01')",
        CreateTable.class,
        c -> {
          assertThat(c.partitionOf().name()).isEqualTo("events");
          assertThat(c.columns()).isEmpty();
        });
    add(
        "CREATE TABLE t (a int, b text, UNIQUE (a, b), CHECK (a > 0), FOREIGN KEY (a) REFERENCES"
            + " p (id) NOT VALID, EXCLUDE USING gist (b WITH =))",
        CreateTable.class,
        c -> {
          assertThat(c.constraints())
              .extracting(TableConstraint::type)
              .containsExactly(
                  ConstraintType.UNIQUE,
                  ConstraintType.CHECK,
                  ConstraintType.FOREIGN_KEY,
                  ConstraintType.EXCLUDE);
          assertThat(c.constraints().get(0).columns())
              .extracting(Name::value)
              .containsExactly("a", "b");
          assertThat(c.constraints().get(1).check().text()).isEqualTo("a > 0");
          assertThat(c.constraints().get(2).notValid()).isTrue();
          assertThat(c.constraints().get(3).columns()).extracting(Name::value).containsExactly("b");
        });
    add(
        "CREATE TABLE t2 (LIKE t INCLUDING ALL, extra int)",
        CreateTable.class,
        c -> assertThat(c.columns()).extracting(x -> x.name().value()).containsExactly("extra"));
    add(
        "CREATE TABLE copy_t AS SELECT * FROM t WITH NO DATA",
        CreateTableAs.class,
        c -> {
          assertThat(c.table().name()).isEqualTo("copy_t");
          assertThat(c.withData()).isFalse();
        });
    add(
        "CREATE TABLE typed (a double precision, b character varying(40), c timestamp(3) with"
            + " time zone, d time without time zone, e int[], f integer ARRAY, g bit varying(8),"
            + " h interval day to second, i \"MyType\", j public.citext, k varchar, l json)",
        CreateTable.class,
        c -> {
          assertThat(c.columns())
              .extracting(x -> x.type().name())
              .containsExactly(
                  "double precision",
                  "varchar",
                  "timestamptz",
                  "time",
                  "integer",
                  "integer",
                  "varbit",
                  "interval",
                  "MyType",
                  "public.citext",
                  "varchar",
                  "json");
          assertThat(c.column("b").type().length()).isEqualTo(40);
          assertThat(c.column("c").type().modifiers()).containsExactly("3");
          assertThat(c.column("e").type().arrayDimensions()).isEqualTo(1);
          assertThat(c.column("f").type().isArray()).isTrue();
          assertThat(c.column("k").type().length()).isEqualTo(-1);
          assertThat(c.column("b").type().text()).isEqualTo("character varying(40)");
        });
    add(
        "CREATE TABLE colls (name text COLLATE \"C\" NOT NULL CHECK (name <> '') UNIQUE)",
        CreateTable.class,
        c -> {
          ColumnDefinition n = c.column("name");
          assertThat(n.collation()).isEqualTo("C");
          assertThat(n.notNull()).isTrue();
          assertThat(n.constraint(ConstraintType.CHECK).check().text()).isEqualTo("name <> ''");
          assertThat(n.constraint(ConstraintType.UNIQUE)).isNotNull();
        });

    // ------------------------------------------------------------------ ALTER TABLE: columns
    add(
        "ALTER TABLE orders ADD COLUMN status text NOT NULL DEFAULT 'new'",
        AlterTable.class,
        a -> {
          AddColumn add = action(a, 0, AddColumn.class);
          assertThat(add.column().name().value()).isEqualTo("status");
          assertThat(add.column().notNull()).isTrue();
          assertThat(add.column().defaultValue().text()).isEqualTo("'new'");
          assertThat(add.column().defaultValue().isConstant()).isTrue();
          assertThat(add.span().toString()).isEqualTo("1:20-1:64");
          assertThat(add.column().type().span().toString()).isEqualTo("1:38-1:41");
          assertThat(add.column().defaultValue().span().toString()).isEqualTo("1:60-1:64");
        });
    add(
        "ALTER TABLE ONLY public.orders ADD IF NOT EXISTS rank integer",
        AlterTable.class,
        a -> {
          assertThat(a.only()).isTrue();
          assertThat(a.table().schema()).isEqualTo("public");
          AddColumn add = action(a, 0, AddColumn.class);
          assertThat(add.ifNotExists()).isTrue();
          assertThat(add.column().type().name()).isEqualTo("integer");
        });
    add(
        "ALTER TABLE IF EXISTS orders ADD COLUMN a int, ADD COLUMN b int DEFAULT 1, DROP COLUMN c",
        AlterTable.class,
        a -> {
          assertThat(a.ifExists()).isTrue();
          assertThat(a.actions()).hasSize(3);
          String sql =
              "ALTER TABLE IF EXISTS orders ADD COLUMN a int, ADD COLUMN b int DEFAULT 1, DROP"
                  + " COLUMN c";
          assertThat(text(sql, a.actions().get(0).span())).isEqualTo("ADD COLUMN a int");
          assertThat(text(sql, a.actions().get(1).span())).isEqualTo("ADD COLUMN b int DEFAULT 1");
          assertThat(text(sql, a.actions().get(2).span())).isEqualTo("DROP COLUMN c");
        });
    add(
        "ALTER TABLE t ADD COLUMN r float8 DEFAULT random()",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddColumn.class).column().defaultValue().volatility())
                .isEqualTo(Volatility.VOLATILE));
    add(
        "ALTER TABLE t ADD COLUMN ts timestamptz DEFAULT clock_timestamp()",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddColumn.class).column().defaultValue().volatility())
                .isEqualTo(Volatility.VOLATILE));
    add(
        "ALTER TABLE t ADD COLUMN n bigint DEFAULT nextval('t_n_seq'::regclass)",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddColumn.class).column().defaultValue().volatility())
                .isEqualTo(Volatility.VOLATILE));
    add(
        "ALTER TABLE t ADD COLUMN created timestamptz NOT NULL DEFAULT CURRENT_TIMESTAMP",
        AlterTable.class,
        a -> {
          Expression d = action(a, 0, AddColumn.class).column().defaultValue();
          assertThat(d.volatility()).isEqualTo(Volatility.NON_VOLATILE);
          assertThat(d.isConstant()).isFalse();
        });
    add(
        "ALTER TABLE t ADD COLUMN tags text[] NOT NULL DEFAULT ARRAY[]::text[]",
        AlterTable.class,
        a -> {
          Expression d = action(a, 0, AddColumn.class).column().defaultValue();
          assertThat(d.volatility()).isEqualTo(Volatility.NON_VOLATILE);
          assertThat(d.isConstant()).isTrue();
          assertThat(d.text()).isEqualTo("ARRAY[]::text[]");
        });
    add(
        "ALTER TABLE t ADD COLUMN flags jsonb DEFAULT '{}'::jsonb NOT NULL",
        AlterTable.class,
        a -> {
          ColumnDefinition c = action(a, 0, AddColumn.class).column();
          assertThat(c.defaultValue().text()).isEqualTo("'{}'::jsonb");
          assertThat(c.defaultValue().isConstant()).isTrue();
          assertThat(c.notNull()).isTrue();
        });
    add(
        "ALTER TABLE t ADD COLUMN score int DEFAULT compute_score()",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddColumn.class).column().defaultValue().volatility())
                .isEqualTo(Volatility.UNKNOWN));
    add(
        "ALTER TABLE t ADD COLUMN id2 bigserial",
        AlterTable.class,
        a -> assertThat(action(a, 0, AddColumn.class).column().type().isSerial()).isTrue());
    add(
        "ALTER TABLE t ADD COLUMN id3 int GENERATED BY DEFAULT AS IDENTITY (START WITH 10)",
        AlterTable.class,
        a -> {
          ColumnDefinition c = action(a, 0, AddColumn.class).column();
          assertThat(c.isIdentity()).isTrue();
          assertThat(c.generated().always()).isFalse();
        });
    add(
        "ALTER TABLE t ADD COLUMN total numeric GENERATED ALWAYS AS (price * qty) STORED",
        AlterTable.class,
        a -> {
          ColumnDefinition c = action(a, 0, AddColumn.class).column();
          assertThat(c.isStoredGenerated()).isTrue();
          assertThat(c.generated().expression().text()).isEqualTo("price * qty");
        });
    add(
        "ALTER TABLE t ADD COLUMN parent_id bigint REFERENCES t (id)",
        AlterTable.class,
        a -> {
          ColumnDefinition c = action(a, 0, AddColumn.class).column();
          assertThat(c.constraint(ConstraintType.FOREIGN_KEY).references().table().name())
              .isEqualTo("t");
        });
    add(
        "ALTER TABLE t ADD COLUMN code text CONSTRAINT code_uq UNIQUE",
        AlterTable.class,
        a ->
            assertThat(
                    action(a, 0, AddColumn.class)
                        .column()
                        .constraint(ConstraintType.UNIQUE)
                        .nameValue())
                .isEqualTo("code_uq"));
    add(
        "ALTER TABLE t ADD COLUMN payload json",
        AlterTable.class,
        a -> assertThat(action(a, 0, AddColumn.class).column().type().name()).isEqualTo("json"));
    add(
        "ALTER TABLE t DROP COLUMN IF EXISTS legacy CASCADE",
        AlterTable.class,
        a -> {
          DropColumn d = action(a, 0, DropColumn.class);
          assertThat(d.column().value()).isEqualTo("legacy");
          assertThat(d.ifExists()).isTrue();
          assertThat(d.cascade()).isTrue();
        });
    add(
        "ALTER TABLE t DROP legacy",
        AlterTable.class,
        a -> assertThat(action(a, 0, DropColumn.class).column().value()).isEqualTo("legacy"));
    add(
        "ALTER TABLE t ALTER COLUMN amount TYPE numeric(14,2) USING amount::numeric(14,2)",
        AlterTable.class,
        a -> {
          AlterColumnType c = action(a, 0, AlterColumnType.class);
          assertThat(c.column().value()).isEqualTo("amount");
          assertThat(c.type().name()).isEqualTo("numeric");
          assertThat(c.type().modifiers()).containsExactly("14", "2");
          assertThat(c.using().text()).isEqualTo("amount::numeric(14,2)");
        });
    add(
        "ALTER TABLE t ALTER amount SET DATA TYPE bigint",
        AlterTable.class,
        a -> assertThat(action(a, 0, AlterColumnType.class).type().name()).isEqualTo("bigint"));
    add(
        "ALTER TABLE t ALTER COLUMN name TYPE varchar(100) COLLATE \"C\"",
        AlterTable.class,
        a -> {
          AlterColumnType c = action(a, 0, AlterColumnType.class);
          assertThat(c.type().length()).isEqualTo(100);
          assertThat(c.collation()).isEqualTo("C");
        });
    add(
        "ALTER TABLE t ALTER COLUMN ts TYPE timestamp with time zone",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AlterColumnType.class).type().name()).isEqualTo("timestamptz"));
    add(
        "ALTER TABLE t ALTER COLUMN status SET DEFAULT 'active'",
        AlterTable.class,
        a -> {
          SetDefault d = action(a, 0, SetDefault.class);
          assertThat(d.column().value()).isEqualTo("status");
          assertThat(d.expression().text()).isEqualTo("'active'");
        });
    add(
        "ALTER TABLE t ALTER COLUMN status DROP DEFAULT",
        AlterTable.class,
        a -> assertThat(action(a, 0, DropDefault.class).column().value()).isEqualTo("status"));
    add(
        "ALTER TABLE t ALTER COLUMN email SET NOT NULL",
        AlterTable.class,
        a -> {
          SetNotNull s = action(a, 0, SetNotNull.class);
          assertThat(s.column().value()).isEqualTo("email");
          assertThat(s.span().toString()).isEqualTo("1:15-1:45");
          assertThat(s.column().span().toString()).isEqualTo("1:28-1:32");
        });
    add(
        "ALTER TABLE t ALTER email DROP NOT NULL",
        AlterTable.class,
        a -> assertThat(action(a, 0, DropNotNull.class).column().value()).isEqualTo("email"));
    add(
        "ALTER TABLE t ALTER COLUMN id ADD GENERATED ALWAYS AS IDENTITY",
        AlterTable.class,
        a -> assertThat(action(a, 0, AddIdentity.class).always()).isTrue());
    add(
        "ALTER TABLE t ALTER COLUMN id SET STATISTICS 500",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AlterColumnOther.class).operation())
                .isEqualTo("SET STATISTICS"));
    add(
        "ALTER TABLE t ALTER COLUMN body SET STORAGE EXTERNAL",
        AlterTable.class,
        a -> assertThat(action(a, 0, AlterColumnOther.class).operation()).isEqualTo("SET STORAGE"));
    add(
        "ALTER TABLE t ALTER COLUMN id DROP IDENTITY IF EXISTS",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AlterColumnOther.class).operation())
                .isEqualTo("DROP IDENTITY"));
    add(
        "ALTER TABLE t ALTER COLUMN total DROP EXPRESSION",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AlterColumnOther.class).operation())
                .isEqualTo("DROP EXPRESSION"));

    // ------------------------------------------------------------------ ALTER TABLE: constraints
    add(
        "ALTER TABLE t ADD CONSTRAINT t_email_nn CHECK (email IS NOT NULL) NOT VALID",
        AlterTable.class,
        a -> {
          TableConstraint c = action(a, 0, AddConstraint.class).constraint();
          assertThat(c.nameValue()).isEqualTo("t_email_nn");
          assertThat(c.type()).isEqualTo(ConstraintType.CHECK);
          assertThat(c.notValid()).isTrue();
          assertThat(c.check().notNullCheckColumn()).contains("email");
          assertThat(c.check().span().toString()).isEqualTo("1:48-1:64");
        });
    add(
        "ALTER TABLE t ADD CHECK ((\"Email\" IS NOT NULL))",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddConstraint.class).constraint().check().notNullCheckColumn())
                .contains("Email"));
    add(
        "ALTER TABLE t ADD CONSTRAINT positive CHECK (amount > 0)",
        AlterTable.class,
        a -> {
          TableConstraint c = action(a, 0, AddConstraint.class).constraint();
          assertThat(c.notValid()).isFalse();
          assertThat(c.check().notNullCheckColumn()).isEmpty();
          assertThat(c.check().columnReferences()).containsExactly("amount");
        });
    add(
        "ALTER TABLE orders ADD CONSTRAINT orders_customer_fk FOREIGN KEY (customer_id)"
            + " REFERENCES customers (id) ON UPDATE NO ACTION ON DELETE SET NULL NOT VALID",
        AlterTable.class,
        a -> {
          TableConstraint c = action(a, 0, AddConstraint.class).constraint();
          assertThat(c.type()).isEqualTo(ConstraintType.FOREIGN_KEY);
          assertThat(c.columns()).extracting(Name::value).containsExactly("customer_id");
          assertThat(c.references().table().name()).isEqualTo("customers");
          assertThat(c.references().columns()).extracting(Name::value).containsExactly("id");
          assertThat(c.references().onDelete()).isEqualTo("SET NULL");
          assertThat(c.references().onUpdate()).isEqualTo("NO ACTION");
          assertThat(c.notValid()).isTrue();
        });
    add(
        "ALTER TABLE t ADD FOREIGN KEY (a, b) REFERENCES other MATCH FULL",
        AlterTable.class,
        a -> {
          TableConstraint c = action(a, 0, AddConstraint.class).constraint();
          assertThat(c.name()).isNull();
          assertThat(c.references().columns()).isEmpty();
        });
    add(
        "ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE (code)",
        AlterTable.class,
        a -> {
          TableConstraint c = action(a, 0, AddConstraint.class).constraint();
          assertThat(c.type()).isEqualTo(ConstraintType.UNIQUE);
          assertThat(c.usingIndex()).isNull();
        });
    add(
        "ALTER TABLE t ADD CONSTRAINT t_code_key UNIQUE USING INDEX t_code_idx",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddConstraint.class).constraint().usingIndex().value())
                .isEqualTo("t_code_idx"));
    add(
        "ALTER TABLE t ADD UNIQUE NULLS NOT DISTINCT (a, b) INCLUDE (c) WITH (fillfactor = 70)",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddConstraint.class).constraint().columns())
                .extracting(Name::value)
                .containsExactly("a", "b"));
    add(
        "ALTER TABLE t ADD PRIMARY KEY (id)",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddConstraint.class).constraint().type())
                .isEqualTo(ConstraintType.PRIMARY_KEY));
    add(
        "ALTER TABLE t ADD CONSTRAINT t_pkey PRIMARY KEY USING INDEX t_id_idx",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, AddConstraint.class).constraint().usingIndex().value())
                .isEqualTo("t_id_idx"));
    add(
        "ALTER TABLE bookings ADD CONSTRAINT no_overlap EXCLUDE USING gist (room WITH =, during"
            + " WITH &&) WHERE (not cancelled)",
        AlterTable.class,
        a -> {
          TableConstraint c = action(a, 0, AddConstraint.class).constraint();
          assertThat(c.type()).isEqualTo(ConstraintType.EXCLUDE);
          assertThat(c.columns()).extracting(Name::value).containsExactly("room", "during");
        });
    add(
        "ALTER TABLE t ADD CONSTRAINT d_fk FOREIGN KEY (d) REFERENCES d (id) DEFERRABLE"
            + " INITIALLY DEFERRED",
        AlterTable.class,
        a -> assertThat(action(a, 0, AddConstraint.class).constraint().notValid()).isFalse());
    add(
        "ALTER TABLE t VALIDATE CONSTRAINT t_email_nn",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, ValidateConstraint.class).constraint().value())
                .isEqualTo("t_email_nn"));
    add(
        "ALTER TABLE t DROP CONSTRAINT IF EXISTS t_email_nn RESTRICT",
        AlterTable.class,
        a -> {
          DropConstraint d = action(a, 0, DropConstraint.class);
          assertThat(d.ifExists()).isTrue();
          assertThat(d.cascade()).isFalse();
        });
    add(
        "ALTER TABLE t DROP CONSTRAINT fk CASCADE",
        AlterTable.class,
        a -> assertThat(action(a, 0, DropConstraint.class).cascade()).isTrue());
    add(
        "ALTER TABLE t RENAME CONSTRAINT a TO b",
        AlterTable.class,
        a -> {
          RenameConstraint r = action(a, 0, RenameConstraint.class);
          assertThat(r.from().value()).isEqualTo("a");
          assertThat(r.to().value()).isEqualTo("b");
        });
    add(
        "ALTER TABLE t ALTER CONSTRAINT fk DEFERRABLE",
        AlterTable.class,
        a -> assertThat(action(a, 0, OtherAction.class).operation()).isEqualTo("ALTER CONSTRAINT"));

    // ------------------------------------------------------------------ ALTER TABLE: the rest
    add(
        "ALTER TABLE orders RENAME TO orders_old",
        AlterTable.class,
        a -> assertThat(action(a, 0, RenameTable.class).newName().value()).isEqualTo("orders_old"));
    add(
        "ALTER TABLE orders RENAME COLUMN legacy_ref TO reference",
        AlterTable.class,
        a -> {
          RenameColumn r = action(a, 0, RenameColumn.class);
          assertThat(r.from().value()).isEqualTo("legacy_ref");
          assertThat(r.to().value()).isEqualTo("reference");
        });
    add(
        "ALTER TABLE orders RENAME legacy TO modern",
        AlterTable.class,
        a -> assertThat(action(a, 0, RenameColumn.class).to().value()).isEqualTo("modern"));
    add(
        "ALTER TABLE t SET LOGGED",
        AlterTable.class,
        a -> assertThat(action(a, 0, SetPersistence.class).logged()).isTrue());
    add(
        "ALTER TABLE t SET UNLOGGED",
        AlterTable.class,
        a -> assertThat(action(a, 0, SetPersistence.class).logged()).isFalse());
    add(
        "ALTER TABLE t SET TABLESPACE fast_ssd",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, SetTablespace.class).tablespace().value())
                .isEqualTo("fast_ssd"));
    add(
        "ALTER TABLE t SET ACCESS METHOD heap2",
        AlterTable.class,
        a -> assertThat(action(a, 0, SetAccessMethod.class).method().value()).isEqualTo("heap2"));
    add(
        "ALTER TABLE t SET SCHEMA archive",
        AlterTable.class,
        a -> assertThat(action(a, 0, SetSchema.class).schema().value()).isEqualTo("archive"));
    add(
        "ALTER TABLE events ATTACH PARTITION events_2027 FOR VALUES FROM ('2027-01-01') TO"
            + " ('2028-01-01')",
        AlterTable.class,
        a -> {
          AttachPartition p = action(a, 0, AttachPartition.class);
          assertThat(p.partition().name()).isEqualTo("events_2027");
          assertThat(p.bound()).startsWith("FOR VALUES FROM");
        });
    add(
        "ALTER TABLE events DETACH PARTITION events_2020 CONCURRENTLY",
        AlterTable.class,
        a -> assertThat(action(a, 0, DetachPartition.class).concurrently()).isTrue());
    add(
        "ALTER TABLE events DETACH PARTITION events_2020",
        AlterTable.class,
        a -> assertThat(action(a, 0, DetachPartition.class).concurrently()).isFalse());
    add(
        "ALTER TABLE events DETACH PARTITION events_2020 FINALIZE",
        AlterTable.class,
        a -> assertThat(action(a, 0, DetachPartition.class).finalizeDetach()).isTrue());
    add(
        "ALTER TABLE t OWNER TO app_owner",
        AlterTable.class,
        a -> assertThat(action(a, 0, OwnerTo.class).owner().value()).isEqualTo("app_owner"));
    add(
        "ALTER TABLE t REPLICA IDENTITY FULL",
        AlterTable.class,
        a -> assertThat(action(a, 0, ReplicaIdentity.class).identity()).isEqualTo("FULL"));
    add(
        "ALTER TABLE t REPLICA IDENTITY USING INDEX t_pkey",
        AlterTable.class,
        a ->
            assertThat(action(a, 0, ReplicaIdentity.class).identity())
                .isEqualTo("USING INDEX T_PKEY"));
    add(
        "ALTER TABLE t ENABLE ROW LEVEL SECURITY",
        AlterTable.class,
        a -> assertThat(action(a, 0, OtherAction.class).operation()).isEqualTo("ENABLE ROW"));
    add(
        "ALTER TABLE t DISABLE TRIGGER ALL",
        AlterTable.class,
        a -> assertThat(action(a, 0, OtherAction.class).operation()).isEqualTo("DISABLE TRIGGER"));
    add(
        "ALTER TABLE t SET (fillfactor = 70, autovacuum_enabled = false)",
        AlterTable.class,
        a -> assertThat(action(a, 0, OtherAction.class).operation()).isEqualTo("SET"));
    add(
        "ALTER TABLE t CLUSTER ON t_pkey",
        AlterTable.class,
        a -> assertThat(action(a, 0, OtherAction.class).operation()).isEqualTo("CLUSTER ON"));
    add(
        "ALTER FOREIGN TABLE remote_t ADD COLUMN x int",
        AlterTable.class,
        a -> assertThat(a.objectKind()).isEqualTo(ObjectKind.FOREIGN_TABLE));
    add(
        "ALTER TABLE \"Order\" ADD COLUMN \"createdAt\" timestamp",
        AlterTable.class,
        a -> {
          assertThat(a.table().name()).isEqualTo("Order");
          assertThat(action(a, 0, AddColumn.class).column().name().value()).isEqualTo("createdAt");
          assertThat(action(a, 0, AddColumn.class).column().type().name()).isEqualTo("timestamp");
        });
    add(
        "alter table Accounts alter column Balance set not null",
        AlterTable.class,
        a -> {
          assertThat(a.table().name()).isEqualTo("accounts");
          assertThat(action(a, 0, SetNotNull.class).column().value()).isEqualTo("balance");
        });

    // ------------------------------------------------------------------ indexes
    add(
        "CREATE INDEX CONCURRENTLY IF NOT EXISTS idx_orders_customer ON orders (customer_id)",
        CreateIndex.class,
        i -> {
          assertThat(i.concurrently()).isTrue();
          assertThat(i.ifNotExists()).isTrue();
          assertThat(i.unique()).isFalse();
          assertThat(i.name().value()).isEqualTo("idx_orders_customer");
          assertThat(i.table().name()).isEqualTo("orders");
          assertThat(i.columns()).containsExactly("customer_id");
          assertThat(i.method()).isEqualTo("btree");
        });
    add(
        "CREATE UNIQUE INDEX orders_number_key ON ONLY orders USING btree (lower(number),"
            + " created_at DESC NULLS LAST) INCLUDE (total) WHERE deleted_at IS NULL",
        CreateIndex.class,
        i -> {
          assertThat(i.unique()).isTrue();
          assertThat(i.concurrently()).isFalse();
          assertThat(i.only()).isTrue();
          assertThat(i.elements())
              .extracting(Expression::text)
              .containsExactly("lower(number)", "created_at DESC NULLS LAST");
          assertThat(i.columns()).containsExactly("created_at");
          assertThat(i.include()).extracting(Name::value).containsExactly("total");
          assertThat(i.where().text()).isEqualTo("deleted_at IS NULL");
        });
    add(
        "CREATE INDEX ON t USING gin (doc jsonb_path_ops)",
        CreateIndex.class,
        i -> {
          assertThat(i.name()).isNull();
          assertThat(i.method()).isEqualTo("gin");
        });
    add(
        "CREATE INDEX t_a_idx ON t (a) WITH (fillfactor = 90) TABLESPACE fast",
        CreateIndex.class,
        i -> assertThat(i.columns()).containsExactly("a"));
    add(
        "CREATE UNIQUE INDEX CONCURRENTLY t_code_idx ON t (code) NULLS NOT DISTINCT",
        CreateIndex.class,
        i -> assertThat(i.unique() && i.concurrently()).isTrue());
    add(
        "DROP INDEX CONCURRENTLY IF EXISTS idx_old",
        DropStatement.class,
        d -> {
          assertThat(d.objectKind()).isEqualTo(ObjectKind.INDEX);
          assertThat(d.concurrently()).isTrue();
          assertThat(d.ifExists()).isTrue();
          assertThat(d.names()).extracting(QualifiedName::name).containsExactly("idx_old");
        });
    add(
        "DROP INDEX idx_a, public.idx_b",
        DropStatement.class,
        d -> {
          assertThat(d.concurrently()).isFalse();
          assertThat(d.names())
              .extracting(QualifiedName::toString)
              .containsExactly("idx_a", "public.idx_b");
        });
    add(
        "ALTER INDEX idx_a RENAME TO idx_b",
        AlterObject.class,
        a -> {
          assertThat(a.objectKind()).isEqualTo(ObjectKind.INDEX);
          assertThat(a.operation()).isEqualTo(AlterObject.Operation.RENAME);
          assertThat(a.newName().value()).isEqualTo("idx_b");
        });
    add(
        "ALTER INDEX IF EXISTS idx_a SET TABLESPACE fast",
        AlterObject.class,
        a -> {
          assertThat(a.ifExists()).isTrue();
          assertThat(a.operation()).isEqualTo(AlterObject.Operation.OTHER);
          assertThat(a.operationText()).isEqualTo("SET TABLESPACE FAST");
        });
    add(
        "ALTER INDEX parent_idx ATTACH PARTITION child_idx",
        AlterObject.class,
        a -> assertThat(a.operationText()).startsWith("ATTACH PARTITION"));
    add(
        "REINDEX INDEX CONCURRENTLY idx_a",
        Reindex.class,
        r -> {
          assertThat(r.target()).isEqualTo("INDEX");
          assertThat(r.concurrently()).isTrue();
          assertThat(r.name().name()).isEqualTo("idx_a");
        });
    add(
        "REINDEX TABLE orders",
        Reindex.class,
        r -> {
          assertThat(r.target()).isEqualTo("TABLE");
          assertThat(r.concurrently()).isFalse();
        });
    add(
        "REINDEX (VERBOSE) SCHEMA CONCURRENTLY public",
        Reindex.class,
        r -> assertThat(r.target()).isEqualTo("SCHEMA"));
    add("REINDEX DATABASE", Reindex.class, r -> assertThat(r.name()).isNull());

    // ------------------------------------------------------------------ maintenance
    add(
        "VACUUM FULL orders",
        Vacuum.class,
        v -> {
          assertThat(v.full()).isTrue();
          assertThat(v.tables()).extracting(QualifiedName::name).containsExactly("orders");
        });
    add(
        "VACUUM (VERBOSE, ANALYZE) orders (total), customers",
        Vacuum.class,
        v -> {
          assertThat(v.full()).isFalse();
          assertThat(v.analyze()).isTrue();
          assertThat(v.tables())
              .extracting(QualifiedName::name)
              .containsExactly("orders", "customers");
        });
    add("VACUUM (FULL) t", Vacuum.class, v -> assertThat(v.full()).isTrue());
    add("VACUUM", Vacuum.class, v -> assertThat(v.tables()).isEmpty());
    add(
        "ANALYZE VERBOSE orders",
        Analyze.class,
        a -> assertThat(a.tables()).extracting(QualifiedName::name).containsExactly("orders"));
    add("ANALYZE", Analyze.class, a -> assertThat(a.tables()).isEmpty());
    add(
        "CLUSTER orders USING orders_pkey",
        Cluster.class,
        c -> {
          assertThat(c.table().name()).isEqualTo("orders");
          assertThat(c.index().value()).isEqualTo("orders_pkey");
        });
    add(
        "CLUSTER orders_pkey ON orders",
        Cluster.class,
        c -> assertThat(c.table().name()).isEqualTo("orders"));
    add("CLUSTER", Cluster.class, c -> assertThat(c.table()).isNull());
    add(
        "TRUNCATE TABLE ONLY a, b RESTART IDENTITY CASCADE",
        Truncate.class,
        t -> {
          assertThat(t.tables()).extracting(QualifiedName::name).containsExactly("a", "b");
          assertThat(t.cascade()).isTrue();
          assertThat(t.restartIdentity()).isTrue();
        });
    add("TRUNCATE logs", Truncate.class, t -> assertThat(t.cascade()).isFalse());
    add(
        "LOCK TABLE orders IN SHARE ROW EXCLUSIVE MODE NOWAIT",
        LockTable.class,
        l -> {
          assertThat(l.mode()).isEqualTo("SHARE ROW EXCLUSIVE");
          assertThat(l.nowait()).isTrue();
        });
    add("LOCK orders", LockTable.class, l -> assertThat(l.mode()).isEqualTo("ACCESS EXCLUSIVE"));

    // ------------------------------------------------------------------ DROP of every kind
    add(
        "DROP TABLE IF EXISTS a, b CASCADE",
        DropStatement.class,
        d -> {
          assertThat(d.objectKind()).isEqualTo(ObjectKind.TABLE);
          assertThat(d.names()).hasSize(2);
          assertThat(d.cascade()).isTrue();
          assertThat(d.ifExists()).isTrue();
        });
    add(
        "DROP TABLE orders_old",
        DropStatement.class,
        d -> {
          assertThat(d.cascade()).isFalse();
          assertThat(d.names().get(0).span().toString()).isEqualTo("1:12-1:21");
        });
    add(
        "DROP VIEW v_orders",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.VIEW));
    add(
        "DROP MATERIALIZED VIEW IF EXISTS mv",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW));
    add(
        "DROP SEQUENCE s1, s2",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.SEQUENCE));
    add(
        "DROP TYPE mood",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.TYPE));
    add(
        "DROP DOMAIN email_address",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.DOMAIN));
    add(
        "DROP FUNCTION IF EXISTS f_total(int, text), g()",
        DropStatement.class,
        d -> {
          assertThat(d.objectKind()).isEqualTo(ObjectKind.FUNCTION);
          assertThat(d.names()).extracting(QualifiedName::name).containsExactly("f_total", "g");
        });
    add(
        "DROP PROCEDURE do_it(int)",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.PROCEDURE));
    add(
        "DROP TRIGGER IF EXISTS trg_audit ON orders",
        DropStatement.class,
        d -> {
          assertThat(d.objectKind()).isEqualTo(ObjectKind.TRIGGER);
          assertThat(d.onTable().name()).isEqualTo("orders");
        });
    add(
        "DROP SCHEMA legacy CASCADE",
        DropStatement.class,
        d -> {
          assertThat(d.objectKind()).isEqualTo(ObjectKind.SCHEMA);
          assertThat(d.cascade()).isTrue();
        });
    add(
        "DROP DATABASE IF EXISTS scratch",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.DATABASE));
    add(
        "DROP EXTENSION IF EXISTS pg_trgm",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.EXTENSION));
    add(
        "DROP POLICY p_tenant ON orders",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.POLICY));
    add(
        "DROP RULE r ON t",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.RULE));
    add(
        "DROP ROLE IF EXISTS reporting",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.ROLE));
    add(
        "DROP FOREIGN TABLE remote_t",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.FOREIGN_TABLE));
    add(
        "DROP AGGREGATE my_sum(int)",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.AGGREGATE));
    add(
        "DROP EVENT TRIGGER et",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.EVENT_TRIGGER));
    add(
        "DROP CAST IF EXISTS (text AS mood)",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.CAST));
    add(
        "DROP OWNED BY old_role CASCADE",
        DropStatement.class,
        d -> {
          assertThat(d.objectKind()).isEqualTo(ObjectKind.OWNED);
          assertThat(d.cascade()).isTrue();
        });
    add(
        "DROP TEXT SEARCH CONFIGURATION cfg",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.TEXT_SEARCH));
    add(
        "DROP COLLATION german",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.COLLATION));
    add(
        "DROP PUBLICATION pub",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.PUBLICATION));
    add(
        "DROP STATISTICS IF EXISTS s_ab",
        DropStatement.class,
        d -> assertThat(d.objectKind()).isEqualTo(ObjectKind.STATISTICS));

    // ------------------------------------------------------------------ types and domains
    add(
        "CREATE TYPE mood AS ENUM ('sad', 'ok', 'it''s great')",
        CreateType.class,
        t -> {
          assertThat(t.variant()).isEqualTo(CreateType.Variant.ENUM);
          assertThat(t.enumValues()).containsExactly("sad", "ok", "it's great");
        });
    add(
        "CREATE TYPE address AS (street text, zip varchar(10))",
        CreateType.class,
        t -> {
          assertThat(t.variant()).isEqualTo(CreateType.Variant.COMPOSITE);
          assertThat(t.attributes())
              .extracting(c -> c.name().value())
              .containsExactly("street", "zip");
        });
    add(
        "CREATE TYPE float_range AS RANGE (subtype = float8)",
        CreateType.class,
        t -> assertThat(t.variant()).isEqualTo(CreateType.Variant.RANGE));
    add(
        "CREATE TYPE shell_t",
        CreateType.class,
        t -> assertThat(t.variant()).isEqualTo(CreateType.Variant.SHELL));
    add(
        "ALTER TYPE mood ADD VALUE IF NOT EXISTS 'happy' AFTER 'ok'",
        AlterType.class,
        t -> {
          assertThat(t.operation()).isEqualTo(AlterType.Operation.ADD_VALUE);
          assertThat(t.value()).isEqualTo("happy");
          assertThat(t.ifNotExists()).isTrue();
          assertThat(t.neighbor()).isEqualTo("ok");
          assertThat(t.before()).isFalse();
        });
    add(
        "ALTER TYPE mood ADD VALUE 'meh' BEFORE 'ok'",
        AlterType.class,
        t -> {
          assertThat(t.before()).isTrue();
          assertThat(t.neighbor()).isEqualTo("ok");
        });
    add(
        "ALTER TYPE mood RENAME VALUE 'sad' TO 'unhappy'",
        AlterType.class,
        t -> {
          assertThat(t.operation()).isEqualTo(AlterType.Operation.RENAME_VALUE);
          assertThat(t.value()).isEqualTo("sad");
          assertThat(t.newValue()).isEqualTo("unhappy");
        });
    add(
        "ALTER TYPE mood RENAME TO feeling",
        AlterType.class,
        t -> {
          assertThat(t.operation()).isEqualTo(AlterType.Operation.RENAME);
          assertThat(t.newName().value()).isEqualTo("feeling");
        });
    add(
        "ALTER TYPE address ADD ATTRIBUTE country text",
        AlterType.class,
        t -> {
          assertThat(t.operation()).isEqualTo(AlterType.Operation.ADD_ATTRIBUTE);
          assertThat(t.value()).isEqualTo("country");
        });
    add(
        "ALTER TYPE address DROP ATTRIBUTE IF EXISTS zip",
        AlterType.class,
        t -> assertThat(t.operation()).isEqualTo(AlterType.Operation.DROP_ATTRIBUTE));
    add(
        "ALTER TYPE mood OWNER TO app",
        AlterType.class,
        t -> assertThat(t.operation()).isEqualTo(AlterType.Operation.OWNER));
    add(
        "CREATE DOMAIN email_address AS text NOT NULL CONSTRAINT email_format CHECK (VALUE ~"
            + " '@')",
        CreateDomain.class,
        d -> {
          assertThat(d.type().name()).isEqualTo("text");
          assertThat(d.notNull()).isTrue();
          assertThat(d.checks()).hasSize(1);
          assertThat(d.checks().get(0).nameValue()).isEqualTo("email_format");
        });
    add(
        "CREATE DOMAIN positive_int int DEFAULT 1",
        CreateDomain.class,
        d -> {
          assertThat(d.checks()).isEmpty();
          assertThat(d.defaultValue().text()).isEqualTo("1");
        });
    add(
        "ALTER DOMAIN email_address ADD CONSTRAINT email_len CHECK (length(VALUE) < 255) NOT"
            + " VALID",
        AlterDomain.class,
        d -> {
          assertThat(d.operation()).isEqualTo(AlterDomain.Operation.ADD_CONSTRAINT);
          assertThat(d.constraint().notValid()).isTrue();
        });
    add(
        "ALTER DOMAIN email_address VALIDATE CONSTRAINT email_len",
        AlterDomain.class,
        d -> assertThat(d.constraintName().value()).isEqualTo("email_len"));
    add(
        "ALTER DOMAIN email_address DROP CONSTRAINT IF EXISTS email_len",
        AlterDomain.class,
        d -> assertThat(d.operation()).isEqualTo(AlterDomain.Operation.DROP_CONSTRAINT));
    add(
        "ALTER DOMAIN positive_int SET DEFAULT 2",
        AlterDomain.class,
        d -> assertThat(d.defaultValue().text()).isEqualTo("2"));
    add(
        "ALTER DOMAIN positive_int DROP NOT NULL",
        AlterDomain.class,
        d -> assertThat(d.operation()).isEqualTo(AlterDomain.Operation.DROP_NOT_NULL));

    // ------------------------------------------------------------------ views
    add(
        "CREATE OR REPLACE VIEW v_orders AS SELECT o.id, c.name FROM orders o JOIN customers c"
            + " ON c.id = o.customer_id",
        CreateView.class,
        v -> {
          assertThat(v.orReplace()).isTrue();
          assertThat(v.materialized()).isFalse();
          assertThat(v.kind()).isEqualTo(StatementKind.CREATE_VIEW);
          assertThat(v.query()).startsWith("SELECT o.id");
          assertThat(v.referencedTables())
              .extracting(QualifiedName::name)
              .containsExactly("orders", "customers");
        });
    add(
        "CREATE VIEW orders_old (id, total) AS SELECT id, total FROM orders WITH LOCAL CHECK"
            + " OPTION",
        CreateView.class,
        v -> {
          assertThat(v.columns()).extracting(Name::value).containsExactly("id", "total");
          assertThat(v.query()).isEqualTo("SELECT id, total FROM orders");
        });
    add(
        "CREATE MATERIALIZED VIEW IF NOT EXISTS mv_totals AS SELECT customer_id, sum(total) FROM"
            + " orders GROUP BY 1 WITH NO DATA",
        CreateView.class,
        v -> {
          assertThat(v.materialized()).isTrue();
          assertThat(v.ifNotExists()).isTrue();
          assertThat(v.withData()).isFalse();
          assertThat(v.kind()).isEqualTo(StatementKind.CREATE_MATERIALIZED_VIEW);
          assertThat(v.query()).endsWith("GROUP BY 1");
        });
    add(
        "CREATE RECURSIVE VIEW nums (n) AS VALUES (1) UNION ALL SELECT n + 1 FROM nums WHERE n <"
            + " 10",
        CreateView.class,
        v -> assertThat(v.columns()).hasSize(1));
    add(
        "CREATE TEMP VIEW tv WITH (security_barrier) AS SELECT 1",
        CreateView.class,
        v -> assertThat(v.temporary()).isTrue());
    add(
        "REFRESH MATERIALIZED VIEW CONCURRENTLY mv_totals",
        RefreshMaterializedView.class,
        r -> {
          assertThat(r.concurrently()).isTrue();
          assertThat(r.withData()).isTrue();
        });
    add(
        "REFRESH MATERIALIZED VIEW mv_totals WITH NO DATA",
        RefreshMaterializedView.class,
        r -> assertThat(r.withData()).isFalse());
    add(
        "ALTER VIEW v_orders RENAME TO v_orders_old",
        AlterObject.class,
        a -> {
          assertThat(a.objectKind()).isEqualTo(ObjectKind.VIEW);
          assertThat(a.operation()).isEqualTo(AlterObject.Operation.RENAME);
        });
    add(
        "ALTER MATERIALIZED VIEW mv RENAME COLUMN a TO b",
        AlterObject.class,
        a -> {
          assertThat(a.objectKind()).isEqualTo(ObjectKind.MATERIALIZED_VIEW);
          assertThat(a.operation()).isEqualTo(AlterObject.Operation.RENAME_COLUMN);
          assertThat(a.newName().value()).isEqualTo("b");
        });

    // ------------------------------------------------------------------ routines, triggers
    add(
        "CREATE OR REPLACE FUNCTION set_updated_at() RETURNS trigger AS $$\nBEGIN\n"
            + "  NEW.updated_at := now();\n  RETURN NEW;\nEND;\n$$ LANGUAGE plpgsql",
        CreateFunction.class,
        f -> {
          assertThat(f.orReplace()).isTrue();
          assertThat(f.procedure()).isFalse();
          assertThat(f.returns()).isEqualTo("trigger");
          assertThat(f.language()).isEqualTo("plpgsql");
          assertThat(f.body()).contains("NEW.updated_at := now();");
          assertThat(f.bodySpan().line()).isEqualTo(1);
          assertThat(f.bodySpan().endLine()).isEqualTo(5);
        });
    add(
        "CREATE FUNCTION add(a integer, b integer) RETURNS integer LANGUAGE sql IMMUTABLE"
            + " PARALLEL SAFE RETURN a + b",
        CreateFunction.class,
        f -> {
          assertThat(f.arguments()).isEqualTo("a integer, b integer");
          assertThat(f.volatility()).isEqualTo("IMMUTABLE");
        });
    add(
        "CREATE FUNCTION one() RETURNS int LANGUAGE sql BEGIN ATOMIC SELECT 1; END",
        CreateFunction.class,
        f -> assertThat(f.body()).isEqualTo("BEGIN ATOMIC SELECT 1; END"));
    add(
        "CREATE FUNCTION rows_of(t text) RETURNS TABLE (id int, name text) AS 'select 1, ''x'''"
            + " LANGUAGE sql STABLE",
        CreateFunction.class,
        f -> {
          assertThat(f.returns()).isEqualTo("TABLE (id int, name text)");
          assertThat(f.body()).isEqualTo("select 1, 'x'");
          assertThat(f.volatility()).isEqualTo("STABLE");
        });
    add(
        "CREATE PROCEDURE archive_orders(cutoff date) LANGUAGE plpgsql AS $proc$ BEGIN DELETE"
            + " FROM orders WHERE created < cutoff; END $proc$",
        CreateFunction.class,
        f -> {
          assertThat(f.procedure()).isTrue();
          assertThat(f.kind()).isEqualTo(StatementKind.CREATE_PROCEDURE);
        });
    add(
        "CREATE TRIGGER trg_updated BEFORE UPDATE OF total, status OR INSERT ON orders FOR EACH"
            + " ROW WHEN (NEW.total > 0) EXECUTE FUNCTION set_updated_at()",
        CreateTrigger.class,
        t -> {
          assertThat(t.name().value()).isEqualTo("trg_updated");
          assertThat(t.timing()).isEqualTo("BEFORE");
          assertThat(t.events()).containsExactly("UPDATE", "INSERT");
          assertThat(t.table().name()).isEqualTo("orders");
          assertThat(t.function().name()).isEqualTo("set_updated_at");
        });
    add(
        "CREATE OR REPLACE CONSTRAINT TRIGGER ct AFTER DELETE ON t DEFERRABLE INITIALLY DEFERRED"
            + " FOR EACH ROW EXECUTE PROCEDURE audit()",
        CreateTrigger.class,
        t -> {
          assertThat(t.constraint()).isTrue();
          assertThat(t.orReplace()).isTrue();
        });
    add(
        "CREATE TRIGGER v_ins INSTEAD OF INSERT ON v FOR EACH ROW EXECUTE FUNCTION v_insert()",
        CreateTrigger.class,
        t -> assertThat(t.timing()).isEqualTo("INSTEAD OF"));
    add(
        "ALTER FUNCTION f(int) RENAME TO g",
        AlterObject.class,
        a -> {
          assertThat(a.objectKind()).isEqualTo(ObjectKind.FUNCTION);
          assertThat(a.newName().value()).isEqualTo("g");
        });
    add(
        "ALTER TRIGGER trg ON orders RENAME TO trg2",
        AlterObject.class,
        a -> assertThat(a.onTable().name()).isEqualTo("orders"));
    add(
        "CREATE SEQUENCE IF NOT EXISTS order_no_seq START 1000 INCREMENT BY 1",
        CreateSequence.class,
        s -> {
          assertThat(s.ifNotExists()).isTrue();
          assertThat(s.name().name()).isEqualTo("order_no_seq");
        });
    add(
        "ALTER SEQUENCE order_no_seq RESTART WITH 5000",
        AlterObject.class,
        a -> assertThat(a.objectKind()).isEqualTo(ObjectKind.SEQUENCE));
    add(
        "CREATE EXTENSION IF NOT EXISTS \"uuid-ossp\" WITH SCHEMA extensions",
        CreateExtension.class,
        e -> {
          assertThat(e.name().value()).isEqualTo("uuid-ossp");
          assertThat(e.schema().value()).isEqualTo("extensions");
        });
    add(
        "CREATE SCHEMA IF NOT EXISTS billing AUTHORIZATION app",
        CreateSchema.class,
        s -> {
          assertThat(s.name().value()).isEqualTo("billing");
          assertThat(s.authorization().value()).isEqualTo("app");
        });
    add(
        "CREATE SCHEMA AUTHORIZATION joe",
        CreateSchema.class,
        s -> assertThat(s.name().value()).isEqualTo("joe"));
    add(
        "ALTER SCHEMA billing RENAME TO invoicing",
        AlterObject.class,
        a -> {
          assertThat(a.objectKind()).isEqualTo(ObjectKind.SCHEMA);
          assertThat(a.operation()).isEqualTo(AlterObject.Operation.RENAME);
          assertThat(a.newName().value()).isEqualTo("invoicing");
        });
    add(
        "ALTER SCHEMA billing OWNER TO finance",
        AlterObject.class,
        a -> assertThat(a.operation()).isEqualTo(AlterObject.Operation.OWNER));

    // ------------------------------------------------------------------ SET / RESET
    add(
        "SET lock_timeout = '2s'",
        SetStatement.class,
        s -> {
          assertThat(s.local()).isFalse();
          assertThat(s.parameter()).isEqualTo("lock_timeout");
          assertThat(s.value()).isEqualTo("2s");
          assertThat(s.durationMillis()).contains(2000L);
        });
    add(
        "SET LOCAL lock_timeout TO '500ms'",
        SetStatement.class,
        s -> {
          assertThat(s.local()).isTrue();
          assertThat(s.durationMillis()).contains(500L);
        });
    add(
        "SET SESSION statement_timeout TO 60000",
        SetStatement.class,
        s -> {
          assertThat(s.parameter()).isEqualTo("statement_timeout");
          assertThat(s.durationMillis()).contains(60000L);
        });
    add(
        "set local statement_timeout = '5min'",
        SetStatement.class,
        s -> assertThat(s.durationMillis()).contains(300000L));
    add(
        "SET lock_timeout TO DEFAULT",
        SetStatement.class,
        s -> {
          assertThat(s.value()).isEqualTo("default");
          assertThat(s.durationMillis()).isEmpty();
        });
    add(
        "SET search_path TO billing, public",
        SetStatement.class,
        s -> assertThat(s.value()).isEqualTo("billing, public"));
    add(
        "SET TIME ZONE 'UTC'",
        SetStatement.class,
        s -> {
          assertThat(s.parameter()).isEqualTo("timezone");
          assertThat(s.value()).isEqualTo("UTC");
        });
    add(
        "SET myapp.tenant = 'acme'",
        SetStatement.class,
        s -> assertThat(s.parameter()).isEqualTo("myapp.tenant"));
    add("SET ROLE migrator", SetStatement.class, s -> assertThat(s.parameter()).isEqualTo("role"));
    add(
        "SET CONSTRAINTS ALL DEFERRED",
        SetStatement.class,
        s -> assertThat(s.parameter()).isEqualTo("constraints"));
    add(
        "SET TRANSACTION ISOLATION LEVEL SERIALIZABLE",
        SetStatement.class,
        s -> assertThat(s.parameter()).isEqualTo("transaction"));
    add(
        "RESET lock_timeout",
        SetStatement.class,
        s -> {
          assertThat(s.reset()).isTrue();
          assertThat(s.parameter()).isEqualTo("lock_timeout");
          assertThat(s.value()).isNull();
        });
    add("RESET ALL", SetStatement.class, s -> assertThat(s.parameter()).isEqualTo("all"));

    // ------------------------------------------------------------------ COMMENT, GRANT
    add(
        "COMMENT ON TABLE orders IS 'owned by team 7; see ''runbook'''",
        CommentOn.class,
        c -> {
          assertThat(c.objectKind()).isEqualTo(ObjectKind.TABLE);
          assertThat(c.target()).isEqualTo("orders");
          assertThat(c.comment()).isEqualTo("owned by team 7; see 'runbook'");
        });
    add(
        "COMMENT ON COLUMN orders.total IS NULL",
        CommentOn.class,
        c -> {
          assertThat(c.objectKind()).isEqualTo(ObjectKind.COLUMN);
          assertThat(c.target()).isEqualTo("orders.total");
          assertThat(c.comment()).isNull();
        });
    add(
        "COMMENT ON FUNCTION f(int) IS 'adds'",
        CommentOn.class,
        c -> assertThat(c.target()).isEqualTo("f(int)"));
    add(
        "COMMENT ON CONSTRAINT fk ON orders IS 'x'",
        CommentOn.class,
        c -> assertThat(c.target()).isEqualTo("fk ON orders"));
    add(
        "GRANT SELECT, INSERT ON TABLE orders TO app_rw, reporting",
        GrantRevoke.class,
        g -> {
          assertThat(g.grant()).isTrue();
          assertThat(g.privileges()).isEqualTo("SELECT, INSERT");
          assertThat(g.objectKind()).isEqualTo(ObjectKind.TABLE);
          assertThat(g.targets()).isEqualTo("orders");
          assertThat(g.grantees()).isEqualTo("app_rw, reporting");
        });
    add(
        "GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO app",
        GrantRevoke.class,
        g -> assertThat(g.objectKind()).isEqualTo(ObjectKind.SEQUENCE));
    add(
        "REVOKE ALL ON orders FROM PUBLIC CASCADE",
        GrantRevoke.class,
        g -> {
          assertThat(g.grant()).isFalse();
          assertThat(g.kind()).isEqualTo(StatementKind.REVOKE);
        });
    add(
        "GRANT reporting TO alice",
        GrantRevoke.class,
        g -> {
          assertThat(g.objectKind()).isNull();
          assertThat(g.privileges()).isEqualTo("reporting");
        });
    add(
        "GRANT EXECUTE ON FUNCTION f(int) TO app",
        GrantRevoke.class,
        g -> assertThat(g.objectKind()).isEqualTo(ObjectKind.FUNCTION));

    // ------------------------------------------------------------------ CALL, COPY, DML
    add(
        "CALL archive_orders('2020-01-01')",
        Call.class,
        c -> assertThat(c.procedure().name()).isEqualTo("archive_orders"));
    add(
        "COPY countries (code, name) FROM STDIN WITH (FORMAT csv)",
        Copy.class,
        c -> {
          assertThat(c.table().name()).isEqualTo("countries");
          assertThat(c.from()).isTrue();
          assertThat(c.source()).isEqualTo("STDIN");
        });
    add(
        "COPY (SELECT * FROM orders) TO '/tmp/orders.csv'",
        Copy.class,
        c -> {
          assertThat(c.table()).isNull();
          assertThat(c.source()).isEqualTo("/tmp/orders.csv");
        });
    add(
        "INSERT INTO countries (code, name) VALUES ('DE', 'Germany') ON CONFLICT DO NOTHING",
        DataStatement.Insert.class,
        i -> {
          assertThat(i.table().name()).isEqualTo("countries");
          assertThat(i.fromQuery()).isFalse();
          assertThat(i.onConflict()).isTrue();
          assertThat(i.bounded()).isTrue();
        });
    add(
        "INSERT INTO archive SELECT * FROM orders",
        DataStatement.Insert.class,
        i -> {
          assertThat(i.fromQuery()).isTrue();
          assertThat(i.bounded()).isFalse();
        });
    add(
        "INSERT INTO archive SELECT * FROM orders WHERE created < '2020-01-01'",
        DataStatement.Insert.class,
        i -> assertThat(i.bounded()).isTrue());
    add(
        "UPDATE orders SET status = 'new' WHERE status IS NULL AND id BETWEEN 1 AND 10000",
        DataStatement.Update.class,
        u -> {
          assertThat(u.table().name()).isEqualTo("orders");
          assertThat(u.where().text()).isEqualTo("status IS NULL AND id BETWEEN 1 AND 10000");
          assertThat(u.bounded()).isTrue();
        });
    add(
        "UPDATE orders SET status = 'new'",
        DataStatement.Update.class,
        u -> {
          assertThat(u.where()).isNull();
          assertThat(u.bounded()).isFalse();
        });
    add(
        "UPDATE orders SET status = 'new' WHERE true",
        DataStatement.Update.class,
        u -> assertThat(u.bounded()).isFalse());
    add(
        "UPDATE ONLY orders AS o SET total = 0 FROM customers c WHERE c.id = o.customer_id"
            + " RETURNING o.id",
        DataStatement.Update.class,
        u -> {
          assertThat(u.only()).isTrue();
          assertThat(u.where().text()).isEqualTo("c.id = o.customer_id");
        });
    add(
        "UPDATE orders SET flag = true WHERE id IN (SELECT id FROM orders WHERE flag IS NULL"
            + " LIMIT 1000)",
        DataStatement.Update.class,
        u -> {
          assertThat(u.limited()).isTrue();
          assertThat(u.bounded()).isTrue();
        });
    add(
        "WITH batch AS (SELECT id FROM orders LIMIT 500) UPDATE orders SET x = 1 FROM batch"
            + " WHERE orders.id = batch.id",
        DataStatement.Update.class,
        u -> assertThat(u.table().name()).isEqualTo("orders"));
    add(
        "DELETE FROM sessions",
        DataStatement.Delete.class,
        d -> {
          assertThat(d.table().name()).isEqualTo("sessions");
          assertThat(d.bounded()).isFalse();
        });
    add(
        "DELETE FROM ONLY sessions s USING users u WHERE s.user_id = u.id AND u.deleted",
        DataStatement.Delete.class,
        d -> assertThat(d.bounded()).isTrue());
    add(
        "MERGE INTO stock s USING deliveries d ON s.item = d.item WHEN MATCHED THEN UPDATE SET"
            + " qty = s.qty + d.qty",
        DataStatement.Merge.class,
        m -> assertThat(m.table().name()).isEqualTo("stock"));
    add(
        "SELECT set_config('lock_timeout', '2s', true)",
        DataStatement.Select.class,
        s -> {
          assertThat(s.functions()).containsExactly("set_config");
          assertThat(s.table()).isNull();
        });
    add(
        "SELECT count(*) FROM orders WHERE total > 0",
        DataStatement.Select.class,
        s -> assertThat(s.table().name()).isEqualTo("orders"));
    add(
        "VALUES (1), (2)",
        DataStatement.Select.class,
        s -> assertThat(s.kind()).isEqualTo(StatementKind.SELECT));

    // ------------------------------------------------------------------ transactions and DO
    add(
        "BEGIN",
        TransactionStatement.class,
        t -> assertThat(t.command()).isEqualTo(TransactionCommand.BEGIN));
    add(
        "COMMIT",
        TransactionStatement.class,
        t -> assertThat(t.command()).isEqualTo(TransactionCommand.COMMIT));
    add(
        "SAVEPOINT before_backfill",
        TransactionStatement.class,
        t -> assertThat(t.savepoint().value()).isEqualTo("before_backfill"));
    add(
        "ROLLBACK TO SAVEPOINT before_backfill",
        TransactionStatement.class,
        t -> assertThat(t.command()).isEqualTo(TransactionCommand.ROLLBACK_TO_SAVEPOINT));
    add(
        "DO $$ BEGIN RAISE NOTICE 'hi'; END $$",
        DoBlock.class,
        d -> {
          assertThat(d.language()).isEqualTo("plpgsql");
          assertThat(d.statements()).isEmpty();
          assertThat(d.body()).isEqualTo(" BEGIN RAISE NOTICE 'hi'; END ");
        });
    add(
        "DO LANGUAGE plpgsql 'BEGIN ALTER TABLE t ADD COLUMN c int; END'",
        DoBlock.class,
        d -> {
          assertThat(d.statements()).hasSize(1);
          assertThat(d.statements().get(0).statement()).isInstanceOf(AlterTable.class);
          assertThat(d.statements().get(0).statement().span().toString()).isEqualTo("1:28-1:57");
        });

    // ------------------------------------------------------------------ other commands
    add(
        "CREATE POLICY tenant_isolation ON orders USING (tenant_id = current_setting('app.t'))",
        OtherStatement.class,
        o -> {
          assertThat(o.command()).isEqualTo("CREATE POLICY");
          assertThat(o.requiresNoTransaction()).isFalse();
        });
    add(
        "CREATE DATABASE scratch",
        OtherStatement.class,
        o -> assertThat(o.requiresNoTransaction()).isTrue());
    add(
        "ALTER SYSTEM SET work_mem = '64MB'",
        OtherStatement.class,
        o -> {
          assertThat(o.command()).isEqualTo("ALTER SYSTEM");
          assertThat(o.requiresNoTransaction()).isTrue();
        });
    add(
        "ALTER DEFAULT PRIVILEGES IN SCHEMA public GRANT SELECT ON TABLES TO reporting",
        OtherStatement.class,
        o -> assertThat(o.command()).isEqualTo("ALTER DEFAULT PRIVILEGES"));
    add(
        "NOTIFY orders_changed",
        OtherStatement.class,
        o -> assertThat(o.command()).isEqualTo("NOTIFY"));
    add(
        "CREATE ROLE reporting NOLOGIN",
        OtherStatement.class,
        o -> assertThat(o.command()).isEqualTo("CREATE ROLE"));
    add(
        "ALTER ROLE reporting SET search_path = public",
        AlterObject.class,
        a -> assertThat(a.objectKind()).isEqualTo(ObjectKind.ROLE));
    add(
        "CREATE STATISTICS s_ab (dependencies) ON a, b FROM t",
        OtherStatement.class,
        o -> assertThat(o.command()).isEqualTo("CREATE STATISTICS"));
  }

  @TestFactory
  Stream<DynamicTest> everyStatementParsesToItsModel() {
    return CASES.stream()
        .map(
            c ->
                DynamicTest.dynamicTest(
                    c.sql().length() > 80 ? c.sql().substring(0, 80) + "…" : c.sql(),
                    () -> c.check().accept(Parser.parse(c.sql()))));
  }

  @Test
  void atLeast150RealStatementsAreCovered() {
    assertThat(CASES.size()).isGreaterThanOrEqualTo(150);
  }

  @Test
  void statementSpanCoversFirstToLastTokenAcrossLines() {
    String sql = "\n\n   ALTER TABLE orders\n     ADD COLUMN x int;";
    Statement s = Parser.parse(sql);
    assertThat(s.span().toString()).isEqualTo("3:4-4:21");
    AddColumn add = action((AlterTable) s, 0, AddColumn.class);
    assertThat(add.span().toString()).isEqualTo("4:6-4:21");
  }

  @Test
  void unreadableStatementsBecomeUnparsedWithReasonAndPosition() {
    Statement s = Parser.parse("ALTER TABLE t ADD COLUMN");
    assertThat(s).isInstanceOf(Unparsed.class);
    Unparsed u = (Unparsed) s;
    assertThat(u.command()).isEqualTo("ALTER TABLE");
    assertThat(u.probableKind()).isEqualTo(StatementKind.ALTER_TABLE);
    assertThat(u.reason()).isEqualTo("expected a name at end of statement");
    assertThat(u.span().toString()).isEqualTo("1:1-1:24");

    Unparsed garbage = (Unparsed) Parser.parse("FROBNICATE the database");
    assertThat(garbage.reason()).isEqualTo("unknown command 'FROBNICATE'");
    assertThat(garbage.probableKind()).isEqualTo(StatementKind.OTHER);

    Unparsed bad = (Unparsed) Parser.parse("CREATE INDEX ON t (a) BOGUS");
    assertThat(bad.reason()).isEqualTo("unexpected text after the index columns but found 'BOGUS'");
    assertThat(bad.errorAt().toString()).isEqualTo("1:23-1:27");
  }

  @Test
  void unterminatedLiteralMakesTheStatementUnparsedNamingTheProblem() {
    Unparsed u = (Unparsed) Parser.parse("UPDATE t SET a = 'oops");
    assertThat(u.reason()).isEqualTo("unreadable input: unterminated quoted string");
    assertThat(u.errorAt().position()).isEqualTo("1:18");
  }

  @Test
  void placeholdersResolveInNamesWhenKnown() {
    var script =
        dev.greenlight.linter.sql.Script.split(
            dev.greenlight.linter.sql.SourceText.of(
                "ALTER TABLE ${schema}.orders ADD COLUMN x int;"));
    Statement s = Parser.parseAll(script, java.util.Map.of("schema", "Billing")).get(0);
    assertThat(((AlterTable) s).table().schema()).isEqualTo("billing");
    Statement unresolved = Parser.parseAll(script).get(0);
    assertThat(((AlterTable) unresolved).table().schema()).isEqualTo("${schema}");
  }
}
