package dev.greenlight.linter.maven.incremental;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class FingerprintTest {
  @TempDir Path project;
  private Path migrations;

  @BeforeEach
  void files() throws IOException {
    migrations = Files.createDirectories(project.resolve("db/migration"));
    Files.writeString(migrations.resolve("V1__a.sql"), "CREATE TABLE a (id int);\n");
    Files.writeString(migrations.resolve("V2__b.sql"), "CREATE TABLE b (id int);\n");
    Files.writeString(project.resolve("greenlight.toml"), "fail-on = \"error\"\n");
  }

  private Fingerprint take(String failOn) throws IOException {
    return Fingerprint.builder()
        .value("goal", "lint")
        .value("failOn", failOn)
        .file("greenlight.toml", project.resolve("greenlight.toml"))
        .tree(migrations, project)
        .build();
  }

  @Test
  void unchangedInputsHaveNoDifference() throws IOException {
    assertThat(take("error").firstDifference(take("error"))).isEmpty();
  }

  @Test
  void anEditedMigrationIsNamed() throws IOException {
    Fingerprint before = take("error");
    Files.writeString(migrations.resolve("V2__b.sql"), "DROP TABLE a;\n");

    assertThat(take("error").firstDifference(before)).contains("db/migration/V2__b.sql");
  }

  @Test
  void anAddedMigrationIsAChange() throws IOException {
    Fingerprint before = take("error");
    Files.writeString(migrations.resolve("V3__c.sql"), "SELECT 1;\n");

    assertThat(take("error").firstDifference(before)).contains("db/migration/V3__c.sql");
  }

  @Test
  void aChangedParameterOrConfigurationIsNamed() throws IOException {
    Fingerprint before = take("error");
    assertThat(take("warning").firstDifference(before)).contains("failOn");

    Files.writeString(project.resolve("greenlight.toml"), "fail-on = \"warning\"\n");
    assertThat(take("error").firstDifference(before)).contains("greenlight.toml");
  }

  @Test
  void aFileThatAppearsLaterIsAChange() throws IOException {
    Fingerprint before =
        Fingerprint.builder().file("flyway.conf", project.resolve("flyway.conf")).build();
    Files.writeString(project.resolve("flyway.conf"), "flyway.locations=filesystem:sql\n");
    Fingerprint after =
        Fingerprint.builder().file("flyway.conf", project.resolve("flyway.conf")).build();

    assertThat(before.lines()).containsExactly("file:flyway.conf missing");
    assertThat(after.firstDifference(before)).contains("flyway.conf");
  }

  @Test
  void survivesAWriteAndReadRoundTrip() throws IOException {
    Fingerprint written = take("error");
    Path file = project.resolve("target/greenlight/lint.fingerprint");
    written.write(file);

    Optional<Fingerprint> read = Fingerprint.read(file);

    assertThat(read).isPresent();
    assertThat(written.firstDifference(read.get())).isEmpty();
    assertThat(Files.readString(file)).startsWith("# greenlight-maven-plugin");
  }

  @Test
  void noPreviousFileReadsAsEmpty() {
    assertThat(Fingerprint.read(project.resolve("target/none"))).isEmpty();
  }

  @Test
  void hashesContentNotTimestamps() throws IOException {
    Fingerprint before = take("error");
    Path v1 = migrations.resolve("V1__a.sql");
    Files.setLastModifiedTime(v1, java.nio.file.attribute.FileTime.fromMillis(0));

    assertThat(take("error").firstDifference(before)).isEmpty();
    assertThat(Fingerprint.sha256("abc".getBytes(java.nio.charset.StandardCharsets.UTF_8)))
        .isEqualTo("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
  }

  @Test
  void secretsAreKeptOnlyAsHashes() throws IOException {
    Fingerprint a =
        Fingerprint.builder().secret("jdbcUrl", "jdbc:postgresql://db/x?password=hunter2").build();
    Fingerprint b =
        Fingerprint.builder().secret("jdbcUrl", "jdbc:postgresql://db/x?password=other").build();
    Path file = project.resolve("verify.fingerprint");
    a.write(file);

    assertThat(Files.readString(file)).doesNotContain("hunter2").contains("jdbcUrl sha256:");
    assertThat(b.firstDifference(a)).contains("jdbcUrl");
  }
}
