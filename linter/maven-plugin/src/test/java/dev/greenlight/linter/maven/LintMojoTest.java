package dev.greenlight.linter.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.model.Build;
import org.apache.maven.model.Model;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugin.logging.SystemStreamLog;
import org.apache.maven.project.MavenProject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The lint goal run in-process on a real project folder and a real {@link MavenProject} model, as
 * Maven would configure it; the invoker ITs run the same goal in real Maven builds.
 */
class LintMojoTest {
  @TempDir Path dir;
  private Path migrations;
  private final List<String> log = new ArrayList<>();

  @BeforeEach
  void project() throws IOException {
    migrations = Files.createDirectories(dir.resolve("src/main/resources/db/migration"));
    Files.writeString(
        migrations.resolve("V1__create_orders.sql"),
        "CREATE TABLE orders (id bigint PRIMARY KEY, legacy_ref text);\n");
    Files.writeString(
        migrations.resolve("V2__add_note.sql"),
        "SET lock_timeout = '2s';\nALTER TABLE orders ADD COLUMN note text;\n");
  }

  private LintMojo mojo() {
    Model model = new Model();
    model.setGroupId("dev.greenlight.test");
    model.setArtifactId("shop");
    model.setVersion("1.0");
    Build build = new Build();
    build.setDirectory(dir.resolve("target").toString());
    Resource resources = new Resource();
    resources.setDirectory(dir.resolve("src/main/resources").toString());
    build.addResource(resources);
    model.setBuild(build);
    MavenProject project = new MavenProject(model);
    project.setFile(dir.resolve("pom.xml").toFile());

    LintMojo mojo = new LintMojo();
    mojo.project = project;
    mojo.incremental = true;
    mojo.outputDirectory = dir.resolve("target/greenlight").toFile();
    mojo.formats = new ArrayList<>(List.of("json"));
    mojo.setLog(
        new SystemStreamLog() {
          @Override
          public void info(CharSequence content) {
            log.add("[INFO] " + content);
          }

          @Override
          public void warn(CharSequence content) {
            log.add("[WARNING] " + content);
          }

          @Override
          public void error(CharSequence content) {
            log.add("[ERROR] " + content);
          }

          @Override
          public boolean isDebugEnabled() {
            return true;
          }

          @Override
          public void debug(CharSequence content) {
            log.add("[DEBUG] " + content);
          }
        });
    return mojo;
  }

  @Test
  void aSecondRunWithNothingChangedIsSkipped() throws Exception {
    mojo().execute();
    assertThat(log).contains("[INFO] Greenlight lint: checking src/main/resources/db/migration");
    assertThat(dir.resolve("target/greenlight/lint.fingerprint")).isRegularFile();

    log.clear();
    mojo().execute();

    assertThat(log)
        .containsExactly(
            "[INFO] Greenlight lint: no migration, configuration or parameter changed since the"
                + " last passing run, skipped (src/main/resources/db/migration)");
  }

  @Test
  void anEditedMigrationIsLintedAgainAndFailsTheBuild() throws Exception {
    mojo().execute();
    Files.writeString(
        migrations.resolve("V2__add_note.sql"),
        "SET lock_timeout = '2s';\nALTER TABLE orders DROP COLUMN legacy_ref;\n");
    log.clear();

    assertThatThrownBy(() -> mojo().execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("Greenlight lint: 1 finding at or above error, listed above");

    assertThat(log)
        .contains(
            "[DEBUG] Greenlight lint: changed since the last run:"
                + " src/main/resources/db/migration/V2__add_note.sql")
        .anyMatch(
            line ->
                line.startsWith(
                    "[ERROR] src/main/resources/db/migration/V2__add_note.sql:2:20 error"
                        + " ban-drop-column Dropping column orders.legacy_ref"));
    assertThat(dir.resolve("target/greenlight/lint.fingerprint")).doesNotExist();
    assertThat(dir.resolve("target/greenlight/greenlight.json")).isRegularFile();

    log.clear();
    assertThatThrownBy(() -> mojo().execute()).isInstanceOf(MojoFailureException.class);
    assertThat(log).noneMatch(line -> line.contains("skipped"));
  }

  @Test
  void aMissingReportFileMeansTheWorkIsDoneAgain() throws Exception {
    mojo().execute();
    Files.delete(dir.resolve("target/greenlight/greenlight.json"));
    log.clear();

    mojo().execute();

    assertThat(log).contains("[INFO] Greenlight lint: checking src/main/resources/db/migration");
    assertThat(dir.resolve("target/greenlight/greenlight.json")).isRegularFile();
  }

  @Test
  void aNewGreenlightTomlCountsAsAChange() throws Exception {
    mojo().execute();
    Files.writeString(dir.resolve("greenlight.toml"), "fail-on = \"warning\"\n");
    Files.writeString(
        migrations.resolve("V3__drop_index.sql"),
        "SET lock_timeout = '2s';\nDROP INDEX IF EXISTS orders_note;\n");
    log.clear();

    assertThatThrownBy(() -> mojo().execute())
        .isInstanceOf(MojoFailureException.class)
        .hasMessage("Greenlight lint: 1 finding at or above warning, listed above");
    assertThat(log).anyMatch(line -> line.endsWith("PostgreSQL 17, fail-on warning"));
  }

  @Test
  void incrementalOffLintsEveryTime() throws Exception {
    mojo().execute();
    LintMojo again = mojo();
    again.incremental = false;
    log.clear();

    again.execute();

    assertThat(log).contains("[INFO] Greenlight lint: checking src/main/resources/db/migration");
  }

  @Test
  void aProjectWithoutMigrationsHasNothingToDo() throws Exception {
    try (var files = Files.walk(dir.resolve("src"))) {
      for (Path p : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
        Files.delete(p);
      }
    }

    mojo().execute();

    assertThat(log)
        .containsExactly(
            "[INFO] Greenlight lint: no migrations in src/main/resources/db/migration, nothing to"
                + " do");
  }

  @Test
  void skipDoesNothing() throws Exception {
    LintMojo mojo = mojo();
    mojo.skip = true;

    mojo.execute();

    assertThat(log).containsExactly("[INFO] Greenlight lint: skipped (greenlight.skip)");
    assertThat(dir.resolve("target")).doesNotExist();
  }

  @Test
  void wrongParametersNameThemselves() {
    LintMojo badPg = mojo();
    badPg.pgVersion = "9";
    assertThatThrownBy(badPg::execute)
        .isInstanceOf(MojoExecutionException.class)
        .hasMessage("pgVersion: 9 is not supported (use 11–18)");

    LintMojo notANumber = mojo();
    notANumber.pgVersion = "seventeen";
    assertThatThrownBy(notANumber::execute)
        .hasMessage("pgVersion: 'seventeen' is not a PostgreSQL major version such as 17");

    LintMojo badFormat = mojo();
    badFormat.formats = List.of("json,pdf");
    assertThatThrownBy(badFormat::execute)
        .hasMessage("formats: unknown format 'pdf' (use text, json, sarif, github, gitlab, junit)");

    LintMojo missingConfig = mojo();
    missingConfig.configFile = new File("config/greenlight.toml");
    assertThatThrownBy(missingConfig::execute)
        .hasMessage("configFile: " + dir.resolve("config/greenlight.toml") + " does not exist");

    LintMojo badLocation = mojo();
    badLocation.locations = List.of("src/main/resources/db/migration,db/nowhere");
    assertThatThrownBy(badLocation::execute)
        .hasMessage("locations: 'db/nowhere' does not exist (db/nowhere)");
  }

  @Test
  void pgVersionReachesTheEngine() throws Exception {
    LintMojo mojo = mojo();
    mojo.pgVersion = "14";

    mojo.execute();

    assertThat(log).anyMatch(line -> line.endsWith("PostgreSQL 14, fail-on error"));
    assertThat(Files.readString(dir.resolve("target/greenlight/greenlight.json")))
        .contains("\"postgresVersion\": 14");
  }

  @Test
  void sinceLintsOnlyWhatChangedAndIsNeverSkipped() throws Exception {
    git("init", "-q");
    git("add", ".");
    git("-c", "user.name=t", "-c", "user.email=t@example.org", "commit", "-q", "-m", "release 1");
    Files.writeString(
        migrations.resolve("V3__drop_legacy.sql"),
        "SET lock_timeout = '2s';\nALTER TABLE orders DROP COLUMN legacy_ref;\n");
    LintMojo mojo = mojo();
    mojo.since = "HEAD";

    assertThatThrownBy(mojo::execute).isInstanceOf(MojoFailureException.class);

    assertThat(log).anyMatch(line -> line.contains(" 1 error, 0 warnings, 0 infos in 1 file "));
    assertThat(dir.resolve("target/greenlight/lint.fingerprint")).doesNotExist();

    Files.delete(migrations.resolve("V3__drop_legacy.sql"));
    LintMojo clean = mojo();
    clean.since = "HEAD";
    clean.execute();
    clean.execute();
    assertThat(log.stream().filter(l -> l.contains("checking")).count()).isEqualTo(3);
    assertThat(dir.resolve("target/greenlight/lint.fingerprint")).doesNotExist();
  }

  private void git(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of("git"));
    command.addAll(List.of(args));
    Process p = new ProcessBuilder(command).directory(dir.toFile()).inheritIO().start();
    assertThat(p.waitFor()).isZero();
  }
}
