package dev.greenlight.linter.maven.locations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MigrationLocationsTest {
  @TempDir Path project;
  private Path resources;
  private Path generated;
  private MigrationLocations finder;

  @BeforeEach
  void layout() throws IOException {
    resources = Files.createDirectories(project.resolve("src/main/resources"));
    generated = Files.createDirectories(project.resolve("target/generated-resources"));
    finder = new MigrationLocations(project, List.of(resources, generated));
  }

  @Test
  void defaultFolderWhenNothingIsConfigured() throws Exception {
    Path folder = Files.createDirectories(project.resolve("src/main/resources/db/migration"));

    MigrationLocations.Resolved r = finder.resolve(List.of(), List.of(), List.of(), List.of());

    assertThat(r.folders()).containsExactly(folder);
    assertThat(r.origin()).isEqualTo(MigrationLocations.Origin.DEFAULT);
  }

  @Test
  void noDefaultFolderMeansNothingToLint() throws Exception {
    MigrationLocations.Resolved r = finder.resolve(List.of(), List.of(), List.of(), List.of());

    assertThat(r.folders()).isEmpty();
    assertThat(r.notes()).isEmpty();
  }

  @Test
  void parameterWinsOverEveryOtherSource() throws Exception {
    Path own = Files.createDirectories(project.resolve("sql"));
    Files.createDirectories(project.resolve("db/changes"));

    MigrationLocations.Resolved r =
        finder.resolve(
            List.of("sql"),
            List.of(project.resolve("db/changes")),
            List.of("filesystem:db/changes"),
            List.of("filesystem:db/changes"));

    assertThat(r.folders()).containsExactly(own);
    assertThat(r.origin()).isEqualTo(MigrationLocations.Origin.PARAMETER);
  }

  @Test
  void greenlightTomlWinsOverTheFlywayPlugin() throws Exception {
    Path toml = Files.createDirectories(project.resolve("migrations"));
    Files.createDirectories(project.resolve("db/changes"));

    MigrationLocations.Resolved r =
        finder.resolve(
            List.of(), List.of(toml), List.of("filesystem:db/changes"), List.of("filesystem:x"));

    assertThat(r.folders()).containsExactly(toml);
    assertThat(r.origin()).isEqualTo(MigrationLocations.Origin.GREENLIGHT_TOML);
  }

  @Test
  void flywayClasspathLocationIsFoundInEveryResourceFolder() throws Exception {
    Path a = Files.createDirectories(resources.resolve("db/migration"));
    Path b = Files.createDirectories(generated.resolve("db/migration"));

    MigrationLocations.Resolved r =
        finder.resolve(List.of(), List.of(), List.of("classpath:db/migration"), List.of());

    assertThat(r.folders()).containsExactly(a, b);
    assertThat(r.origin()).isEqualTo(MigrationLocations.Origin.FLYWAY_PLUGIN);
  }

  @Test
  void aPlainFlywayLocationIsOnTheClassPathAsFlywayReadsIt() throws Exception {
    Path folder = Files.createDirectories(resources.resolve("db/scripts"));
    Files.createDirectories(project.resolve("db/scripts"));

    MigrationLocations.Resolved r =
        finder.resolve(List.of(), List.of(), List.of("db/scripts"), List.of());

    assertThat(r.folders()).containsExactly(folder);
  }

  @Test
  void flywayLocationsGreenlightCannotReadAreSkippedWithAReason() throws Exception {
    Path folder = Files.createDirectories(project.resolve("db/changes"));

    MigrationLocations.Resolved r =
        finder.resolve(
            List.of(),
            List.of(),
            List.of(
                "filesystem:db/changes",
                "s3:bucket/migrations",
                "classpath:db/*/sql",
                "classpath:db/absent"),
            List.of());

    assertThat(r.folders()).containsExactly(folder);
    assertThat(r.notes())
        .containsExactly(
            "'s3:bucket/migrations' uses 's3:', which Greenlight cannot read (use filesystem: or"
                + " classpath: folders): skipped",
            "'classpath:db/*/sql' uses a wildcard, which Greenlight does not expand (name the"
                + " folders): skipped",
            "'classpath:db/absent' is in no resource folder (looked at"
                + " src/main/resources/db/absent, target/generated-resources/db/absent): skipped");
  }

  @Test
  void flywayConfigFileLocationsComeLast() throws Exception {
    Path folder = Files.createDirectories(project.resolve("conf-db"));

    MigrationLocations.Resolved r =
        finder.resolve(List.of(), List.of(), List.of(), List.of("filesystem:conf-db"));

    assertThat(r.folders()).containsExactly(folder);
    assertThat(r.origin()).isEqualTo(MigrationLocations.Origin.FLYWAY_CONFIG_FILE);
  }

  @Test
  void aMissingExplicitLocationIsAnErrorNamingTheParameter() {
    assertThatThrownBy(
            () -> finder.resolve(List.of("filesystem:db/nowhere"), List.of(), List.of(), List.of()))
        .isInstanceOf(LocationException.class)
        .hasMessage("locations: 'filesystem:db/nowhere' does not exist (db/nowhere)");
  }

  @Test
  void anUnreadableExplicitSchemeIsAnError() {
    assertThatThrownBy(() -> finder.resolve(List.of("gcs:bucket"), List.of(), List.of(), List.of()))
        .isInstanceOf(LocationException.class)
        .hasMessageStartingWith("locations: 'gcs:bucket' uses 'gcs:'");
  }

  @Test
  void explicitClasspathLocationUsesTheResourceFolders() throws Exception {
    Path folder = Files.createDirectories(generated.resolve("db/generated"));

    MigrationLocations.Resolved r =
        finder.resolve(List.of("classpath:/db/generated"), List.of(), List.of(), List.of());

    assertThat(r.folders()).containsExactly(folder);
  }

  @Test
  void displayIsRelativeToTheProject() {
    assertThat(finder.display(project.resolve("db/changes/V1__a.sql")))
        .isEqualTo("db/changes/V1__a.sql");
    assertThat(finder.display(Path.of("/elsewhere/x"))).isEqualTo("/elsewhere/x");
  }
}
