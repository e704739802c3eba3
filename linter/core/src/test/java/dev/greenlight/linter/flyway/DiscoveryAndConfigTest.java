package dev.greenlight.linter.flyway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DiscoveryAndConfigTest {
  @TempDir Path dir;

  private Path write(String relative, String text) throws IOException {
    Path p = dir.resolve(relative);
    Files.createDirectories(p.getParent());
    Files.writeString(p, text);
    return p;
  }

  @Test
  void foldersAreSearchedRecursivelyAndOrderedByFlywayVersion() throws IOException {
    write("db/migration/V10__ten.sql", "select 10;");
    write("db/migration/V2__two.sql", "select 2;");
    write("db/migration/sub/V1.1__one_one.sql", "select 11;");
    write("db/migration/V1__one.sql", "select 1;");
    write("db/migration/R__views.sql", "select 0;");
    write("db/migration/R__aaa.sql", "select 0;");
    write("db/migration/U2__undo_two.sql", "select 0;");
    write("db/migration/README.md", "not sql");
    write("db/migration/.hidden/V99__no.sql", "select 99;");
    MigrationDiscovery.Result r =
        MigrationDiscovery.discover(List.of(dir.resolve("db")), dir, FlywaySettings.defaults());
    assertThat(r.files())
        .extracting(f -> f.path().getFileName().toString())
        .containsExactly(
            "V1__one.sql",
            "V1.1__one_one.sql",
            "V2__two.sql",
            "V10__ten.sql",
            "R__aaa.sql",
            "R__views.sql",
            "U2__undo_two.sql");
    assertThat(r.duplicates()).isEmpty();
    assertThat(r.problems()).isEmpty();
  }

  @Test
  void duplicateVersionsAreDataNotExceptions() throws IOException {
    write("m/V1__a.sql", "select 1;");
    write("m/V1.0__b.sql", "select 1;");
    write("m/V2__c.sql", "select 1;");
    write("m/R__same.sql", "select 1;");
    write("m/other/R__same.sql", "select 1;");
    MigrationDiscovery.Result r =
        MigrationDiscovery.discover(List.of(dir.resolve("m")), dir, FlywaySettings.defaults());
    assertThat(r.duplicates()).hasSize(2);
    assertThat(r.duplicates().get(0).version()).isEqualTo("1");
    assertThat(r.duplicates().get(0).kind()).isEqualTo(MigrationName.Kind.VERSIONED);
    assertThat(r.duplicates().get(0).paths()).hasSize(2);
    assertThat(r.duplicates().get(1).kind()).isEqualTo(MigrationName.Kind.REPEATABLE);
  }

  @Test
  void explicitFilesAreTakenWhateverTheirNameAndMissingPathsAreProblems() throws IOException {
    Path odd = write("scripts/fix-prod.sql", "select 1;");
    MigrationDiscovery.Result r =
        MigrationDiscovery.discover(
            List.of(odd, dir.resolve("nope")), dir, FlywaySettings.defaults());
    assertThat(r.files()).hasSize(1);
    assertThat(r.files().get(0).name().kind()).isEqualTo(MigrationName.Kind.OTHER);
    assertThat(r.problems()).containsExactly(dir.resolve("nope") + ": no such file or directory");
  }

  @Test
  void withoutPathsTheLocationsAreUsed() throws IOException {
    write("src/main/resources/db/migration/V1__a.sql", "select 1;");
    write("sql/V2__b.sql", "select 1;");
    FlywaySettings s =
        FlywaySettings.defaults()
            .withLocations(List.of("classpath:db/migration", "filesystem:sql"));
    MigrationDiscovery.Result r = MigrationDiscovery.discover(List.of(), dir, s);
    assertThat(r.files()).extracting(f -> f.name().versionString()).containsExactly("1", "2");
  }

  @Test
  void scriptConfigIsFoundNextToItsMigration() throws IOException {
    write("m/V1__idx.sql", "CREATE INDEX CONCURRENTLY i ON t (a);");
    write("m/V1__idx.sql.conf", "executeInTransaction=false\n");
    MigrationDiscovery.Result r =
        MigrationDiscovery.discover(List.of(dir.resolve("m")), dir, FlywaySettings.defaults());
    Path conf = r.files().get(0).scriptConfig();
    assertThat(conf).isNotNull();
    List<String> problems = new ArrayList<>();
    ScriptConfig c = ScriptConfig.read(conf, problems);
    assertThat(c.executeInTransaction()).isFalse();
    assertThat(problems).isEmpty();
  }

  @Test
  void badScriptConfigValueIsReported() throws IOException {
    Path conf = write("m/V1__x.sql.conf", "executeInTransaction=maybe\n");
    List<String> problems = new ArrayList<>();
    ScriptConfig c = ScriptConfig.read(conf, problems);
    assertThat(c.executeInTransaction()).isNull();
    assertThat(problems)
        .containsExactly(conf + ": executeInTransaction must be true or false, not 'maybe'");
  }

  @Test
  void flywayConfIsRead() throws IOException {
    write(
        "flyway.conf",
        "flyway.locations=filesystem:db/a,filesystem:db/b\n"
            + "flyway.sqlMigrationPrefix=M\n"
            + "flyway.sqlMigrationSeparator=-\n"
            + "flyway.sqlMigrationSuffixes=.sql,.pgsql\n"
            + "flyway.placeholders.schema=billing\n"
            + "flyway.mixed=true\n"
            + "flyway.schemas=app,public\n"
            + "flyway.url=jdbc:postgresql://x/y\n");
    FlywayConfigFiles.Loaded l = FlywayConfigFiles.load(dir, FlywaySettings.defaults());
    FlywaySettings s = l.settings();
    assertThat(l.files()).containsExactly(dir.resolve("flyway.conf"));
    assertThat(s.locations()).containsExactly("filesystem:db/a", "filesystem:db/b");
    assertThat(s.sqlMigrationPrefix()).isEqualTo("M");
    assertThat(s.sqlMigrationSeparator()).isEqualTo("-");
    assertThat(s.sqlMigrationSuffixes()).containsExactly(".sql", ".pgsql");
    assertThat(s.placeholders()).containsEntry("schema", "billing");
    assertThat(s.mixed()).isTrue();
    assertThat(s.defaultSchema()).isEqualTo("app");
    assertThat(l.problems()).isEmpty();
  }

  @Test
  void flywayTomlIsRead() throws IOException {
    write(
        "conf/flyway.toml",
        "[environments.default]\n"
            + "url = \"jdbc:postgresql://localhost/db\"\n"
            + "schemas = [\"shop\"]\n\n"
            + "[flyway]\n"
            + "locations = [\n  \"filesystem:migrations\", # main\n  \"filesystem:more\"\n]\n"
            + "outOfOrder = true\n"
            + "repeatableSqlMigrationPrefix = 'RR'\n\n"
            + "[flyway.placeholders]\n"
            + "owner = \"app_owner\"\n");
    FlywaySettings s = FlywayConfigFiles.load(dir, FlywaySettings.defaults()).settings();
    assertThat(s.locations()).containsExactly("filesystem:migrations", "filesystem:more");
    assertThat(s.outOfOrder()).isTrue();
    assertThat(s.repeatableSqlMigrationPrefix()).isEqualTo("RR");
    assertThat(s.placeholders()).containsEntry("owner", "app_owner");
    assertThat(s.defaultSchema()).isEqualTo("shop");
  }

  @Test
  void badBooleanInFlywayConfIsAProblemNamingTheFile() throws IOException {
    write("flyway.conf", "flyway.mixed=perhaps\n");
    FlywayConfigFiles.Loaded l = FlywayConfigFiles.load(dir, FlywaySettings.defaults());
    assertThat(l.problems())
        .containsExactly(
            dir.resolve("flyway.conf") + ": mixed must be true or false, not 'perhaps'");
    assertThat(l.settings().mixed()).isFalse();
  }

  @Test
  void runnerModesHaveTheirConfigNames() {
    assertThat(RunnerMode.fromConfigName("flyway-always-transactional"))
        .isEqualTo(RunnerMode.FLYWAY_ALWAYS_TRANSACTIONAL);
    assertThat(RunnerMode.fromConfigName("AUTOCOMMIT")).isEqualTo(RunnerMode.AUTOCOMMIT);
    assertThat(RunnerMode.fromConfigName("liquibase")).isNull();
  }
}
