package dev.greenlight.linter.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.ddl.Parser;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.sql.Script;
import dev.greenlight.linter.sql.SourceText;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

class TransactionPlanTest {

  private static List<Statement> parse(String sql) {
    return Parser.parseAll(Script.split(SourceText.of(sql)));
  }

  private static TransactionPlan plan(String sql, RunnerMode mode, ScriptConfig config) {
    return TransactionPlan.plan(parse(sql), mode, config, 17, new AtomicInteger());
  }

  @Test
  void flywayWrapsAPlainFileInOneTransaction() {
    TransactionPlan p =
        plan(
            "ALTER TABLE t ADD COLUMN a int; UPDATE t SET a = 1;",
            RunnerMode.FLYWAY,
            ScriptConfig.NONE);
    assertThat(p.transactional()).isTrue();
    assertThat(p.reason()).isEqualTo("runner flyway");
    assertThat(p.transactions()).hasSize(2);
    assertThat(p.transactions().get(0)).isSameAs(p.transactions().get(1));
    assertThat(p.transactions().get(0).kind()).isEqualTo(Transaction.Kind.FILE);
  }

  @Test
  void concurrentlyMakesTheFileNonTransactionalAndMixedIsDetected() {
    TransactionPlan p =
        plan(
            "SET lock_timeout = '2s';\nCREATE INDEX CONCURRENTLY i ON t (a);",
            RunnerMode.FLYWAY,
            ScriptConfig.NONE);
    assertThat(p.transactional()).isFalse();
    assertThat(p.reason()).isEqualTo("contains CREATE INDEX CONCURRENTLY (line 2)");
    assertThat(p.nonTransactionalStatements()).containsExactly(1);
    assertThat(p.mixed()).isTrue();
    assertThat(p.transactions().get(0).kind()).isEqualTo(Transaction.Kind.AUTOCOMMIT);
    assertThat(p.transactions().get(0).id()).isNotEqualTo(p.transactions().get(1).id());
  }

  @Test
  void everyKindOfNonTransactionalStatementIsRecognised() {
    for (String sql :
        List.of(
            "VACUUM t",
            "DROP INDEX CONCURRENTLY i",
            "REINDEX INDEX CONCURRENTLY i",
            "REINDEX DATABASE app",
            "ALTER TABLE p DETACH PARTITION c CONCURRENTLY",
            "CREATE DATABASE x",
            "ALTER SYSTEM SET work_mem = '1MB'")) {
      assertThat(plan(sql, RunnerMode.FLYWAY, ScriptConfig.NONE).transactional()).as(sql).isFalse();
    }
    assertThat(
            plan("ALTER TYPE mood ADD VALUE 'x'", RunnerMode.FLYWAY, ScriptConfig.NONE)
                .transactional())
        .isTrue();
    assertThat(
            TransactionPlan.plan(
                    parse("ALTER TYPE mood ADD VALUE 'x'"),
                    RunnerMode.FLYWAY,
                    ScriptConfig.NONE,
                    11,
                    new AtomicInteger())
                .transactional())
        .isFalse();
  }

  @Test
  void scriptConfigOverridesTheRunner() {
    ScriptConfig conf = new ScriptConfig(false, null, Path.of("V1__x.sql.conf"));
    TransactionPlan p = plan("ALTER TABLE t ADD COLUMN a int;", RunnerMode.FLYWAY, conf);
    assertThat(p.transactional()).isFalse();
    assertThat(p.reason()).isEqualTo("executeInTransaction=false in V1__x.sql.conf");
    ScriptConfig on = new ScriptConfig(true, null, Path.of("V1__x.sql.conf"));
    assertThat(plan("CREATE INDEX CONCURRENTLY i ON t (a);", RunnerMode.FLYWAY, on).transactional())
        .isTrue();
  }

  @Test
  void alwaysTransactionalAndAutocommitRunners() {
    String sql = "CREATE INDEX CONCURRENTLY i ON t (a);";
    assertThat(plan(sql, RunnerMode.FLYWAY_ALWAYS_TRANSACTIONAL, ScriptConfig.NONE).transactional())
        .isTrue();
    TransactionPlan auto =
        plan(
            "ALTER TABLE t ADD a int; ALTER TABLE t ADD b int;",
            RunnerMode.AUTOCOMMIT,
            ScriptConfig.NONE);
    assertThat(auto.transactional()).isFalse();
    assertThat(auto.transactions().get(0).id()).isNotEqualTo(auto.transactions().get(1).id());
  }

  @Test
  void explicitBeginCommitGroupsStatementsInANonTransactionalFile() {
    TransactionPlan p =
        plan(
            "CREATE INDEX CONCURRENTLY i ON t (a);\n"
                + "BEGIN;\nALTER TABLE t ADD c int;\nALTER TABLE t ADD d int;\nCOMMIT;\n"
                + "ALTER TABLE t ADD e int;",
            RunnerMode.FLYWAY,
            ScriptConfig.NONE);
    List<Transaction> tx = p.transactions();
    assertThat(tx.get(0).kind()).isEqualTo(Transaction.Kind.AUTOCOMMIT);
    assertThat(tx.get(1).kind()).isEqualTo(Transaction.Kind.EXPLICIT);
    assertThat(tx.get(1)).isSameAs(tx.get(2)).isSameAs(tx.get(3)).isSameAs(tx.get(4));
    assertThat(tx.get(1).terminated()).isTrue();
    assertThat(tx.get(5).kind()).isEqualTo(Transaction.Kind.AUTOCOMMIT);
  }

  @Test
  void beginWithoutCommitLeavesAnUnterminatedTransaction() {
    TransactionPlan p =
        plan("BEGIN;\nALTER TABLE t ADD c int;", RunnerMode.AUTOCOMMIT, ScriptConfig.NONE);
    assertThat(p.transactions().get(1).kind()).isEqualTo(Transaction.Kind.EXPLICIT);
    assertThat(p.transactions().get(1).terminated()).isFalse();
  }

  @Test
  void commitInsideAFlywayTransactionEndsIt() {
    TransactionPlan p =
        plan(
            "ALTER TABLE t ADD a int;\nCOMMIT;\nALTER TABLE t ADD b int;",
            RunnerMode.FLYWAY,
            ScriptConfig.NONE);
    assertThat(p.transactions().get(0)).isSameAs(p.transactions().get(1));
    assertThat(p.transactions().get(2).kind()).isEqualTo(Transaction.Kind.AUTOCOMMIT);
  }
}
