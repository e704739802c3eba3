package dev.greenlight.linter;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.Unparsed;
import dev.greenlight.linter.flyway.RunnerMode;
import dev.greenlight.linter.report.MigrationInfo;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FrontEndTest {
  @TempDir Path dir;

  private Path write(String relative, byte[] bytes) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.write(p, bytes);
    return p;
  }

  private Path write(String relative, String text) throws IOException {
    return write(relative, text.getBytes(StandardCharsets.UTF_8));
  }

  private FrontEndOptions options() {
    return FrontEndOptions.defaults().withBaseDirectory(dir);
  }

  @Test
  void loadsAFolderInOrderWithCountsChecksumsAndTransactions() throws Exception {
    write("db/migration/V2__index.sql", "CREATE INDEX CONCURRENTLY i ON orders (a);\n");
    String v1 =
        "-- first\nCREATE TABLE orders (a int);\nBEGIN;\nALTER TABLE orders ADD b int;\nCOMMIT;\n";
    write("db/migration/V1__init.sql", v1);
    MigrationSet set = FrontEnd.load(List.of(dir.resolve("db/migration")), options());
    assertThat(set.problems()).isEmpty();
    assertThat(set.migrations())
        .extracting(Migration::displayPath)
        .containsExactly("db/migration/V1__init.sql", "db/migration/V2__index.sql");
    Migration first = set.migrations().get(0);
    String sha =
        "sha256:"
            + HexFormat.of()
                .formatHex(
                    MessageDigest.getInstance("SHA-256")
                        .digest(v1.getBytes(StandardCharsets.UTF_8)));
    assertThat(first.checksum()).isEqualTo(sha);
    MigrationInfo info = first.info();
    assertThat(info)
        .isEqualTo(new MigrationInfo("db/migration/V1__init.sql", "1", "init", sha, true, 4, 0));
    assertThat(set.migrations().get(1).transactional()).isFalse();
    assertThat(set.statementCount()).isEqualTo(5);
    assertThat(first.comments()).hasSize(1);
    assertThat(first.statements().get(0).leadingComments()).hasSize(1);
    assertThat(first.statements().get(1).leadingComments()).isEmpty();
  }

  @Test
  void brokenFilesGiveClearPositionedMessagesNotExceptions() throws IOException {
    write("m/V1__ok.sql", "SELECT 1;");
    write("m/V2__unterminated.sql", "SELECT 1;\nUPDATE t SET a = 'oops;\nSELECT 2;");
    write("m/V3__dollar.sql", "DO $$ BEGIN");
    write("m/V4__comment.sql", "SELECT 1; /* never");
    write("m/V5__binary.sql", new byte[] {'S', 'E', 'L', '\n', 'x', 0, 1, 2});
    write(
        "m/V6__latin1.sql",
        new byte[] {'S', 'E', 'L', 'E', 'C', 'T', ' ', '\'', (byte) 0xe9, '\''});
    MigrationSet set = FrontEnd.load(List.of(dir.resolve("m")), options());
    assertThat(set.problems())
        .extracting(FileProblem::toString)
        .containsExactly(
            "m/V2__unterminated.sql:2:18: unterminated quoted string",
            "m/V3__dollar.sql:1:4: unterminated dollar-quoted string $$",
            "m/V4__comment.sql:1:11: unterminated /* comment",
            "m/V5__binary.sql:2:2: binary file (NUL byte), not SQL text",
            "m/V6__latin1.sql:1:9: invalid UTF-8 (byte 0xe9 at offset 8)");
    Migration unterminated = set.migrations().get(1);
    assertThat(unterminated.statements()).hasSize(2);
    assertThat(unterminated.statements().get(1).statement()).isInstanceOf(Unparsed.class);
    assertThat(unterminated.unparsedCount()).isEqualTo(1);
    assertThat(set.migrations().get(4).statements()).isEmpty();
    assertThat(set.migrations().get(4).checksum()).startsWith("sha256:");
  }

  @Test
  void missingPathsAreProblems() {
    MigrationSet set = FrontEnd.load(List.of(dir.resolve("absent")), options());
    assertThat(set.migrations()).isEmpty();
    assertThat(set.problems()).hasSize(1);
    assertThat(set.problems().get(0).message()).isEqualTo("no such file or directory");
  }

  @Test
  void flywayConfAndScriptConfigAreHonoured() throws IOException {
    write("flyway.conf", "flyway.locations=filesystem:sql\nflyway.placeholders.schema=shop\n");
    write("sql/V1__t.sql", "ALTER TABLE ${schema}.orders ADD COLUMN x int;");
    write("sql/V2__idx.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
    write("sql/V2__idx.sql.conf", "executeInTransaction=true\n");
    MigrationSet set = FrontEnd.load(List.of(), options());
    assertThat(set.problems()).isEmpty();
    assertThat(set.migrations()).hasSize(2);
    AlterTable a = (AlterTable) set.migrations().get(0).statements().get(0).statement();
    assertThat(a.table().schema()).isEqualTo("shop");
    Migration idx = set.migrations().get(1);
    assertThat(idx.transactional()).isTrue();
    assertThat(idx.scriptConfig().executeInTransaction()).isTrue();
    assertThat(idx.transactionPlan().reason())
        .isEqualTo("executeInTransaction=true in V2__idx.sql.conf");
  }

  @Test
  void runnerModeAndPgVersionFlowIntoThePlan() throws IOException {
    write("m/V1__enum.sql", "ALTER TYPE mood ADD VALUE 'x';");
    MigrationSet pg11 = FrontEnd.load(List.of(dir.resolve("m")), options().withPgVersion(11));
    assertThat(pg11.migrations().get(0).transactional()).isFalse();
    MigrationSet auto =
        FrontEnd.load(List.of(dir.resolve("m")), options().withRunner(RunnerMode.AUTOCOMMIT));
    assertThat(auto.migrations().get(0).transactional()).isFalse();
    assertThat(
            FrontEnd.load(List.of(dir.resolve("m")), options()).migrations().get(0).transactional())
        .isTrue();
  }

  @Test
  void duplicateVersionsAreReportedAsData() throws IOException {
    write("m/V1__a.sql", "SELECT 1;");
    write("m/V1__b.sql", "SELECT 1;");
    MigrationSet set = FrontEnd.load(List.of(dir.resolve("m")), options());
    assertThat(set.duplicateVersions()).hasSize(1);
    assertThat(set.migrations()).hasSize(2);
  }

  @Test
  void aBomIsSkippedAndCrLfFilesKeepExactPositions() throws IOException {
    byte[] body = "SELECT 1;\r\nALTER TABLE t ADD x int;\r\n".getBytes(StandardCharsets.UTF_8);
    byte[] withBom = new byte[body.length + 3];
    withBom[0] = (byte) 0xef;
    withBom[1] = (byte) 0xbb;
    withBom[2] = (byte) 0xbf;
    System.arraycopy(body, 0, withBom, 3, body.length);
    write("m/V1__bom.sql", withBom);
    MigrationSet set = FrontEnd.load(List.of(dir.resolve("m")), options());
    assertThat(set.problems()).isEmpty();
    assertThat(set.migrations().get(0).statements().get(1).span().toString()).isEqualTo("2:1-2:23");
  }
}
