package dev.greenlight.linter.engine.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the real git command line on throw-away repositories. */
class GitTest {
  @TempDir Path repo;
  private Path migrations;

  static void git(Path dir, String... args) throws Exception {
    List<String> command =
        new java.util.ArrayList<>(
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
        new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
    String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (p.waitFor() != 0) {
      throw new IllegalStateException("git " + String.join(" ", args) + ": " + output);
    }
  }

  static String sha256(String text) throws Exception {
    return HexFormat.of()
        .formatHex(
            MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
  }

  @BeforeEach
  void createRepository() throws Exception {
    git(repo, "init", "-q", "-b", "main");
    migrations = Files.createDirectories(repo.resolve("db/migration"));
    write("V1__create.sql", "CREATE TABLE a (id bigint);\n");
    write("V2__alter.sql", "ALTER TABLE a ADD COLUMN b text;\n");
    Files.writeString(repo.resolve("README.md"), "not a migration\n");
    git(repo, "add", ".");
    git(repo, "commit", "-q", "-m", "base");
    git(repo, "tag", "base");
  }

  private void write(String name, String text) throws IOException {
    Files.writeString(migrations.resolve(name), text);
  }

  @Test
  void snapshotHoldsTheHashesOfMigrationsAtTheRef() throws Exception {
    write("V2__alter.sql", "ALTER TABLE a ADD COLUMN c text;\n");
    write("V3__new.sql", "CREATE TABLE n (id bigint);\n");
    GitSnapshot at = new Git(repo).snapshot("base", List.of(migrations), n -> n.endsWith(".sql"));

    assertThat(at.sha256ByPath()).hasSize(2);
    assertThat(at.sha256(migrations.resolve("V1__create.sql")))
        .contains(sha256("CREATE TABLE a (id bigint);\n"));
    assertThat(
            at.changed(
                migrations.resolve("V1__create.sql"), sha256("CREATE TABLE a (id bigint);\n")))
        .isFalse();
    assertThat(
            at.changed(
                migrations.resolve("V2__alter.sql"), sha256("ALTER TABLE a ADD COLUMN c text;\n")))
        .isTrue();
    assertThat(at.changed(migrations.resolve("V3__new.sql"), sha256("x"))).isTrue();
    assertThat(at.commit()).hasSize(40);
  }

  @Test
  void worksFromASubfolderAndFiltersNames() throws Exception {
    GitSnapshot at = new Git(migrations).snapshot("HEAD", List.of(repo), n -> n.startsWith("V1__"));
    assertThat(at.sha256ByPath().keySet()).containsExactly(migrations.resolve("V1__create.sql"));
  }

  @Test
  void deletedFilesStayInTheSnapshot() throws Exception {
    git(repo, "rm", "-q", "db/migration/V1__create.sql");
    git(repo, "commit", "-q", "-m", "delete");
    GitSnapshot at = new Git(repo).snapshot("base", List.of(migrations), n -> true);
    assertThat(at.sha256ByPath()).containsKey(migrations.resolve("V1__create.sql"));
  }

  @Test
  void unknownRefIsAClearError() {
    assertThatThrownBy(() -> new Git(repo).snapshot("no-such-ref", List.of(migrations), n -> true))
        .isInstanceOf(GitException.class)
        .hasMessageStartingWith("--since no-such-ref: not a commit in ");
  }

  @Test
  void outsideARepositoryIsAClearError(@TempDir Path elsewhere) {
    assertThatThrownBy(() -> new Git(elsewhere).snapshot("HEAD", List.of(elsewhere), n -> true))
        .isInstanceOf(GitException.class)
        .hasMessageContaining("git rev-parse failed")
        .hasMessageContaining("not a git repository");
  }
}
