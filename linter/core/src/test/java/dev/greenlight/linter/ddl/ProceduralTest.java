package dev.greenlight.linter.ddl;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.ddl.AlterTableAction.AddConstraint;
import org.junit.jupiter.api.Test;

class ProceduralTest {

  @Test
  void ddlInsideIfAndExceptionHandlersIsFoundWithFilePositions() {
    String sql =
        "DO $$\n"
            + "BEGIN\n"
            + "  IF NOT EXISTS (SELECT 1 FROM pg_constraint WHERE conname = 'fk_c') THEN\n"
            + "    ALTER TABLE orders ADD CONSTRAINT fk_c FOREIGN KEY (c) REFERENCES c (id);\n"
            + "  END IF;\n"
            + "EXCEPTION WHEN duplicate_object THEN\n"
            + "  NULL;\n"
            + "END $$;";
    DoBlock d = (DoBlock) Parser.parse(sql);
    assertThat(d.statements()).hasSize(1);
    DoBlock.Embedded e = d.statements().get(0);
    assertThat(e.viaExecute()).isFalse();
    AlterTable a = (AlterTable) e.statement();
    assertThat(a.table().name()).isEqualTo("orders");
    assertThat(a.span().toString()).isEqualTo("4:5-4:76");
    TableConstraint c = ((AddConstraint) a.actions().get(0)).constraint();
    assertThat(c.type()).isEqualTo(ConstraintType.FOREIGN_KEY);
    assertThat(c.notValid()).isFalse();
    assertThat(d.dynamicSql()).isEmpty();
  }

  @Test
  void executeOfALiteralIsParsedAndDynamicSqlIsListed() {
    String sql =
        "DO $do$\n"
            + "DECLARE\n"
            + "  t text := 'orders';\n"
            + "BEGIN\n"
            + "  EXECUTE 'ALTER TABLE orders ADD COLUMN note text DEFAULT ''n/a''';\n"
            + "  EXECUTE format('ANALYZE %I', t);\n"
            + "  FOR r IN SELECT 1 LOOP\n"
            + "    UPDATE orders SET note = 'x';\n"
            + "  END LOOP;\n"
            + "END\n"
            + "$do$";
    DoBlock d = (DoBlock) Parser.parse(sql);
    assertThat(d.statements()).hasSize(2);
    DoBlock.Embedded executed = d.statements().get(0);
    assertThat(executed.viaExecute()).isTrue();
    AlterTable a = (AlterTable) executed.statement();
    AlterTableAction.AddColumn add = (AlterTableAction.AddColumn) a.actions().get(0);
    assertThat(add.column().defaultValue().text()).isEqualTo("'n/a'");
    assertThat(a.span().line()).isEqualTo(5);
    assertThat(a.span().column()).isEqualTo(12);
    assertThat(add.column().name().span().toString()).isEqualTo("5:42-5:45");
    assertThat(d.statements().get(1).statement()).isInstanceOf(DataStatement.Update.class);
    assertThat(d.statements().get(1).statement().span().toString()).isEqualTo("8:5-8:32");
    assertThat(d.dynamicSql()).hasSize(1);
    assertThat(d.dynamicSql().get(0).toString()).isEqualTo("6:3-6:33");
  }

  @Test
  void nestedBlocksLabelsAndElseBranchesAreSearched() {
    String sql =
        "DO $$ <<outer>> BEGIN\n"
            + "  BEGIN\n"
            + "    CREATE INDEX idx_a ON t (a);\n"
            + "  EXCEPTION WHEN others THEN RAISE NOTICE 'x'; END;\n"
            + "  IF current_setting('server_version_num')::int >= 120000 THEN\n"
            + "    REINDEX TABLE CONCURRENTLY t;\n"
            + "  ELSE\n"
            + "    REINDEX TABLE t;\n"
            + "  END IF;\n"
            + "END outer $$";
    DoBlock d = (DoBlock) Parser.parse(sql);
    assertThat(d.statements())
        .extracting(e -> e.statement().kind())
        .containsExactly(StatementKind.CREATE_INDEX, StatementKind.REINDEX, StatementKind.REINDEX);
    assertThat(((Reindex) d.statements().get(1).statement()).concurrently()).isTrue();
  }

  @Test
  void otherLanguagesAreNotSearched() {
    DoBlock d = (DoBlock) Parser.parse("DO LANGUAGE plpython3u $$ plpy.execute('DROP TABLE t') $$");
    assertThat(d.language()).isEqualTo("plpython3u");
    assertThat(d.statements()).isEmpty();
  }

  @Test
  void unreadableEmbeddedStatementIsKeptAsUnparsed() {
    DoBlock d = (DoBlock) Parser.parse("DO $$ BEGIN ALTER TABLE t ADD COLUMN; END $$");
    assertThat(d.statements()).hasSize(1);
    assertThat(d.statements().get(0).statement()).isInstanceOf(Unparsed.class);
  }
}
