package dev.greenlight.linter.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code --since} on throw-away git repositories, through the whole pipeline. */
class LinterSinceTest {
  @TempDir Path repo;
  private Path migrations;

  private void git(String... args) throws Exception {
    List<String> command =
        new ArrayList<>(
            List.of(
                "git",
                "-c",
                "user.name=t",
                "-c",
                "user.email=t@example.com",
                "-c",
                "commit.gpgsign=false"));
    command.addAll(List.of(args));
    Process p =
        new ProcessBuilder(command).directory(repo.toFile()).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(p.waitFor()).as("git %s: %s", String.join(" ", args), out).isZero();
  }

  private void write(String name, String sql) throws Exception {
    Files.writeString(migrations.resolve(name), sql);
  }

  @BeforeEach
  void releasedHistory() throws Exception {
    migrations = Files.createDirectories(repo.resolve("db/migration"));
    git("init", "-q", "-b", "main");
    write("V1__orders.sql", "CREATE TABLE orders (id bigint PRIMARY KEY, legacy text);\n");
    write("V2__drop.sql", "ALTER TABLE orders DROP COLUMN legacy;\n");
    git("add", ".");
    git("commit", "-q", "-m", "released");
    git("tag", "v1");
  }

  private Report lint(String since) throws LintException {
    LintOptions options = LintOptions.defaults(repo, List.of(migrations)).withSince(since);
    return new Linter().lint(options, ProgressListener.NONE);
  }

  @Test
  void onlyFilesAddedOrChangedSinceTheRefAreLinted() throws Exception {
    write(
        "V3__customers.sql",
        "CREATE TABLE customers (id bigint PRIMARY KEY, name text);\n"
            + "ALTER TABLE customers DROP COLUMN name;\n"
            + "ALTER TABLE orders ADD COLUMN note text NOT NULL;\n");
    Report report = lint("v1");

    assertThat(report.migrations())
        .extracting(MigrationInfo::path)
        .containsExactly("db/migration/V3__customers.sql");
    List<String> rules = report.findings().stream().map(Finding::rule).toList();
    // V2's DROP COLUMN is already deployed: not reported again.
    assertThat(report.findings()).noneMatch(f -> f.path().endsWith("V2__drop.sql"));
    // customers is created in the change under review: dropping its column is harmless.
    assertThat(report.findings())
        .noneMatch(
            f -> f.rule().equals("ban-drop-column") && f.path().endsWith("V3__customers.sql"));
    // orders existed at the ref: a required column breaks the running release.
    assertThat(rules).contains("ban-add-required-column");
  }

  @Test
  void editingAnAppliedMigrationIsReported() throws Exception {
    write("V2__drop.sql", "ALTER TABLE orders DROP COLUMN legacy CASCADE;\n");
    Report report = lint("v1");
    assertThat(report.findings())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("ban-edit-applied-migration");
              assertThat(f.path()).isEqualTo("db/migration/V2__drop.sql");
            });
  }

  @Test
  void aNewVersionBelowTheHighestAtTheRefIsReported() throws Exception {
    write("V1_5__late.sql", "CREATE TABLE late (id bigint PRIMARY KEY);\n");
    Report report = lint("v1");
    assertThat(report.findings())
        .anySatisfy(
            f -> {
              assertThat(f.rule()).isEqualTo("require-monotonic-version");
              assertThat(f.path()).isEqualTo("db/migration/V1_5__late.sql");
            });
  }

  @Test
  void withoutChangesNothingIsLinted() throws Exception {
    Report report = lint("v1");
    assertThat(report.migrations()).isEmpty();
    assertThat(report.findings()).isEmpty();
  }

  @Test
  void unknownRefIsALintError() {
    assertThatThrownBy(() -> lint("v9"))
        .isInstanceOf(LintException.class)
        .hasMessageStartingWith("--since v9: not a commit in ");
  }
}
