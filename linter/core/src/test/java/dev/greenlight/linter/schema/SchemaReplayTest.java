package dev.greenlight.linter.schema;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.FrontEnd;
import dev.greenlight.linter.FrontEndOptions;
import dev.greenlight.linter.Migration;
import dev.greenlight.linter.MigrationSet;
import dev.greenlight.linter.MigrationStatement;
import dev.greenlight.linter.ddl.ConstraintType;
import dev.greenlight.linter.ddl.QualifiedName;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Schema replay through the front end, with the "existing table" rules of rules.md. */
class SchemaReplayTest {

  private static QualifiedName q(String name) {
    int dot = name.indexOf('.');
    return dot < 0
        ? new QualifiedName(null, name, null)
        : new QualifiedName(name.substring(0, dot), name.substring(dot + 1), null);
  }

  private static MigrationSet load(FrontEndOptions options, String... namesAndSql) {
    Map<String, String> files = new LinkedHashMap<>();
    for (int i = 0; i < namesAndSql.length; i += 2) {
      files.put(namesAndSql[i], namesAndSql[i + 1]);
    }
    return FrontEnd.loadTexts(files, options);
  }

  private static MigrationSet load(String... namesAndSql) {
    return load(FrontEndOptions.defaults(), namesAndSql);
  }

  private static MigrationStatement stmt(MigrationSet set, int file, int index) {
    return set.migrations().get(file).statements().get(index);
  }

  @Test
  void tablesOfEarlierFilesExistWhileTablesOfTheSameFileAreNew() {
    MigrationSet set =
        load(
            "V1__create.sql",
            "CREATE TABLE orders (id bigint PRIMARY KEY);",
            "V2__more.sql",
            "CREATE TABLE items (id bigint);\n"
                + "CREATE INDEX items_id ON items (id);\n"
                + "CREATE INDEX orders_id ON orders (id);");
    SchemaView itemsIndex = stmt(set, 1, 1).schema();
    assertThat(itemsIndex.isExistingTable(q("items"))).isFalse();
    assertThat(itemsIndex.isNewTable(q("items"))).isTrue();
    assertThat(itemsIndex.tableCreatedInSameFile(q("items"))).isTrue();
    assertThat(itemsIndex.tableCreatedInSameTransaction(q("items"))).isTrue();
    SchemaView ordersIndex = stmt(set, 1, 2).schema();
    assertThat(ordersIndex.isExistingTable(q("orders"))).isTrue();
    assertThat(ordersIndex.isNewTable(q("orders"))).isFalse();
    assertThat(ordersIndex.tableCreatedInSameFile(q("orders"))).isFalse();
    // Before its CREATE, in the same file, the table is not there yet.
    assertThat(stmt(set, 1, 0).schema().table(q("items"))).isEmpty();
  }

  @Test
  void tablesNoMigrationCreatesAreBaselineAndExist() {
    MigrationSet set = load("V5__alter.sql", "ALTER TABLE legacy_orders ADD COLUMN x int;");
    SchemaView v = stmt(set, 0, 0).schema();
    assertThat(v.isExistingTable(q("legacy_orders"))).isTrue();
    assertThat(v.isExistingColumn(q("legacy_orders"), "anything")).isTrue();
    assertThat(v.table(q("legacy_orders"))).isEmpty();
  }

  @Test
  void withSinceEverythingTheChangeCreatesIsNew() {
    FrontEndOptions since =
        FrontEndOptions.defaults()
            .withBaseDirectory(Path.of("/repo"))
            .withChangedFiles(
                Set.of(Path.of("/repo/V2__new_table.sql"), Path.of("/repo/V3__index.sql")));
    MigrationSet set =
        load(
            since,
            "V1__old.sql",
            "CREATE TABLE orders (id bigint);",
            "V2__new_table.sql",
            "CREATE TABLE invoices (id bigint);",
            "V3__index.sql",
            "CREATE INDEX inv_id ON invoices (id);\nCREATE INDEX ord_id ON orders (id);");
    assertThat(set.migrations()).extracting(Migration::inChange).containsExactly(false, true, true);
    SchemaView v = stmt(set, 2, 0).schema();
    assertThat(v.isExistingTable(q("invoices"))).isFalse();
    assertThat(v.tableCreatedInChange(q("invoices"))).isTrue();
    assertThat(v.tableCreatedInSameFile(q("invoices"))).isFalse();
    assertThat(stmt(set, 2, 1).schema().isExistingTable(q("orders"))).isTrue();
    // Without --since the same table from an earlier file exists.
    MigrationSet plain =
        load(
            "V1__old.sql",
            "CREATE TABLE orders (id bigint);",
            "V2__new_table.sql",
            "CREATE TABLE invoices (id bigint);",
            "V3__index.sql",
            "CREATE INDEX inv_id ON invoices (id);");
    assertThat(stmt(plain, 2, 0).schema().isExistingTable(q("invoices"))).isTrue();
  }

  @Test
  void validatedNotNullCheckFromAnEarlierMigrationIsSeen() {
    MigrationSet set =
        load(
            "V1__t.sql",
            "CREATE TABLE users (id bigint, email text);",
            "V2__check.sql",
            "ALTER TABLE users ADD CONSTRAINT users_email_nn CHECK (email IS NOT NULL) NOT VALID;",
            "V3__validate.sql",
            "ALTER TABLE users VALIDATE CONSTRAINT users_email_nn;",
            "V4__set.sql",
            "ALTER TABLE users ALTER COLUMN email SET NOT NULL;");
    assertThat(stmt(set, 2, 0).schema().hasValidatedNotNullCheck(q("users"), "email")).isFalse();
    Constraint notYet = stmt(set, 2, 0).schema().constraint(q("users"), "users_email_nn").get();
    assertThat(notYet.validated()).isFalse();
    SchemaView before = stmt(set, 3, 0).schema();
    assertThat(before.hasValidatedNotNullCheck(q("users"), "email")).isTrue();
    assertThat(before.hasValidatedNotNullCheck(q("users"), "id")).isFalse();
    assertThat(before.column(q("users"), "email").get().notNull()).isFalse();
    assertThat(
            set.migrations()
                .get(3)
                .statements()
                .get(0)
                .schema()
                .isExistingColumn(q("users"), "email"))
        .isTrue();
  }

  @Test
  void notValidConstraintAddedInTheSameTransactionIsVisibleWithItsOrigin() {
    MigrationSet set =
        load(
            "V1__t.sql",
            "CREATE TABLE a (id bigint, b_id bigint);",
            "V2__fk.sql",
            "ALTER TABLE a ADD CONSTRAINT a_b_fk FOREIGN KEY (b_id) REFERENCES b (id) NOT VALID;\n"
                + "ALTER TABLE a VALIDATE CONSTRAINT a_b_fk;");
    MigrationStatement validate = stmt(set, 1, 1);
    Constraint fk = validate.schema().constraint(q("a"), "a_b_fk").get();
    assertThat(fk.type()).isEqualTo(ConstraintType.FOREIGN_KEY);
    assertThat(fk.validated()).isFalse();
    assertThat(fk.referencedTable()).isEqualTo("public.b");
    assertThat(validate.schema().inSameTransaction(fk.origin())).isTrue();
    assertThat(validate.schema().inSameFile(fk.origin())).isTrue();
  }

  @Test
  void columnsKeepTypeDefaultAndNullabilityThroughAlterations() {
    MigrationSet set =
        load(
            "V1__t.sql",
            "CREATE TABLE t (id serial PRIMARY KEY, status varchar(20) NOT NULL DEFAULT 'new');",
            "V2__alter.sql",
            "ALTER TABLE t ALTER COLUMN status TYPE text, ALTER COLUMN status DROP DEFAULT;\n"
                + "ALTER TABLE t ADD COLUMN note text;\n"
                + "ALTER TABLE t ALTER COLUMN note SET NOT NULL;\n"
                + "SELECT 1;");
    Table before = stmt(set, 1, 0).schema().table(q("t")).get();
    Column status = before.column("status").get();
    assertThat(status.type().text()).isEqualTo("varchar(20)");
    assertThat(status.notNull()).isTrue();
    assertThat(status.defaultValue().text()).isEqualTo("'new'");
    assertThat(before.column("id").get().notNull()).isTrue();
    assertThat(stmt(set, 1, 0).schema().indexesOn(q("t")))
        .extracting(Index::name)
        .containsExactly("t_pkey");
    Table after = stmt(set, 1, 3).schema().table(q("t")).get();
    assertThat(after.column("status").get().type().name()).isEqualTo("text");
    assertThat(after.column("status").get().defaultValue()).isNull();
    assertThat(after.column("note").get().notNull()).isTrue();
    SchemaView setNotNull = stmt(set, 1, 2).schema();
    assertThat(setNotNull.isExistingTable(q("t"))).isTrue();
    assertThat(setNotNull.isExistingColumn(q("t"), "note")).isFalse();
    assertThat(setNotNull.isExistingColumn(q("t"), "status")).isTrue();
  }

  @Test
  void renamesDropsAndIndexesAreReplayed() {
    MigrationSet set =
        load(
            "V1__t.sql",
            "CREATE TABLE orders (id bigint, code text);\n"
                + "CREATE UNIQUE INDEX CONCURRENTLY orders_code_idx ON orders (code);",
            "V2__r.sql",
            "ALTER TABLE orders ADD CONSTRAINT orders_code_key UNIQUE USING INDEX orders_code_idx;\n"
                + "ALTER TABLE orders RENAME TO purchases;\n"
                + "ALTER TABLE purchases RENAME COLUMN code TO ref;\n"
                + "DROP TABLE purchases;\n"
                + "SELECT 1;");
    SchemaView v = stmt(set, 1, 1).schema();
    assertThat(v.index(q("orders_code_idx"))).isEmpty();
    assertThat(v.index(q("orders_code_key"))).isPresent();
    assertThat(v.constraint(q("orders"), "orders_code_key").get().columns())
        .containsExactly("code");
    SchemaView afterRename = stmt(set, 1, 2).schema();
    assertThat(afterRename.table(q("orders"))).isEmpty();
    assertThat(afterRename.isExistingTable(q("orders"))).isFalse();
    assertThat(afterRename.isExistingTable(q("purchases"))).isTrue();
    assertThat(afterRename.indexesOn(q("purchases")))
        .extracting(Index::name)
        .containsExactly("orders_code_key");
    Table renamed = stmt(set, 1, 3).schema().table(q("purchases")).get();
    assertThat(renamed.column("ref")).isPresent();
    assertThat(renamed.constraint("orders_code_key").get().columns()).containsExactly("ref");
    SchemaView end = stmt(set, 1, 4).schema();
    assertThat(end.table(q("purchases"))).isEmpty();
    assertThat(end.isExistingTable(q("purchases"))).isFalse();
    assertThat(end.indexesOn(q("purchases"))).isEmpty();
  }

  @Test
  void viewsEnumsFunctionsSequencesAndSchemas() {
    MigrationSet set =
        load(
            "V1__objs.sql",
            "CREATE SCHEMA billing;\n"
                + "CREATE TYPE billing.mood AS ENUM ('sad', 'ok');\n"
                + "CREATE TABLE billing.t (m billing.mood);\n"
                + "CREATE VIEW billing.v AS SELECT m FROM billing.t;\n"
                + "CREATE FUNCTION f() RETURNS int LANGUAGE sql AS 'select 1';\n"
                + "CREATE SEQUENCE s;",
            "V2__alter.sql",
            "ALTER TYPE billing.mood ADD VALUE 'happy' BEFORE 'ok';\n"
                + "ALTER TYPE billing.mood RENAME VALUE 'sad' TO 'blue';\n"
                + "ALTER VIEW billing.v RENAME TO v2;\n"
                + "DROP FUNCTION f();\n"
                + "SELECT 1;");
    SchemaView start = stmt(set, 1, 0).schema();
    assertThat(start.schemaCreated("billing")).isTrue();
    assertThat(start.type(q("billing.mood")).get().labels()).containsExactly("sad", "ok");
    assertThat(start.view(q("billing.v")).get().referencedTables()).containsExactly("billing.t");
    assertThat(start.routine(q("f"))).isPresent();
    assertThat(start.sequence(q("s"))).isPresent();
    SchemaView end = stmt(set, 1, 4).schema();
    assertThat(end.type(q("billing.mood")).get().labels()).containsExactly("blue", "happy", "ok");
    assertThat(end.view(q("billing.v"))).isEmpty();
    assertThat(end.view(q("billing.v2"))).isPresent();
    assertThat(end.routine(q("f"))).isEmpty();
  }

  @Test
  void ddlInsideDoBlocksIsReplayedAndAnalyzed() {
    MigrationSet set =
        load(
            "V1__t.sql",
            "CREATE TABLE t (id bigint);",
            "V2__do.sql",
            "DO $$ BEGIN\n  ALTER TABLE t ADD COLUMN c int;\nEXCEPTION WHEN duplicate_column THEN NULL;\nEND $$;\n"
                + "ALTER TABLE t ALTER COLUMN c SET NOT NULL;");
    Migration m = set.migrations().get(1);
    assertThat(m.statements()).hasSize(2);
    assertThat(m.analyzedStatements()).hasSize(3);
    MigrationStatement embedded = m.analyzedStatements().get(1);
    assertThat(embedded.isTopLevel()).isFalse();
    assertThat(embedded.enclosing()).isSameAs(m.statements().get(0));
    assertThat(embedded.transaction()).isSameAs(m.statements().get(0).transaction());
    assertThat(embedded.span().toString()).isEqualTo("2:3-2:32");
    assertThat(embedded.schema().isExistingTable(q("t"))).isTrue();
    SchemaView last = m.statements().get(1).schema();
    assertThat(last.column(q("t"), "c")).isPresent();
    assertThat(last.isExistingColumn(q("t"), "c")).isFalse();
  }

  @Test
  void defaultSchemaFromFlywaySettingsResolvesUnqualifiedNames() {
    FrontEndOptions o =
        FrontEndOptions.defaults()
            .withFlyway(FrontEndOptions.defaults().flyway().withDefaultSchema("app"));
    MigrationSet set =
        load(
            o,
            "V1__t.sql",
            "CREATE TABLE t (id int);",
            "V2__x.sql",
            "ALTER TABLE app.t ADD c int;");
    assertThat(stmt(set, 1, 0).schema().table(q("app.t"))).isPresent();
    assertThat(stmt(set, 1, 0).schema().table(q("public.t"))).isEmpty();
  }
}
