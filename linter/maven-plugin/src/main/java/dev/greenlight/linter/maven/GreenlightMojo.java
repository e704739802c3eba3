package dev.greenlight.linter.maven;

import dev.greenlight.linter.engine.RuleDocs;
import dev.greenlight.linter.engine.config.ConfigException;
import dev.greenlight.linter.engine.config.ConfigLoader;
import dev.greenlight.linter.engine.config.GreenlightConfig;
import dev.greenlight.linter.engine.format.Format;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.flyway.FlywayConfigFiles;
import dev.greenlight.linter.flyway.FlywaySettings;
import dev.greenlight.linter.maven.incremental.Fingerprint;
import dev.greenlight.linter.maven.locations.FlywayPluginLocations;
import dev.greenlight.linter.maven.locations.LocationException;
import dev.greenlight.linter.maven.locations.MigrationLocations;
import dev.greenlight.linter.maven.output.BuildLog;
import dev.greenlight.linter.maven.output.ReportFiles;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleOptions;
import java.io.File;
import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.apache.maven.model.Resource;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.project.MavenProject;

/**
 * What {@code lint} and {@code verify} share: parameters, greenlight.toml, migration locations, the
 * incremental skip, the build-log lines, report files and the failure when findings reach {@code
 * failOn}.
 */
public abstract class GreenlightMojo extends AbstractMojo {
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  protected MavenProject project;

  /**
   * Folders (or files) holding the migrations: {@code filesystem:path} or a plain path relative to
   * the project, or {@code classpath:path} looked up in the project's resource folders. Default:
   * greenlight.toml's {@code [flyway] locations}, then the flyway-maven-plugin's locations, then
   * flyway.conf, then {@code src/main/resources/db/migration}.
   */
  @Parameter(property = "greenlight.locations")
  protected List<String> locations = new ArrayList<>();

  /** The PostgreSQL major the migrations run on, 11–18 (default: greenlight.toml, else 17). */
  @Parameter(property = "greenlight.pgVersion")
  protected String pgVersion;

  /** The lowest severity that fails the build: error, warning or info (default: error). */
  @Parameter(property = "greenlight.failOn")
  protected String failOn;

  /** A git ref: check only migrations added or changed since it (uses the git command line). */
  @Parameter(property = "greenlight.since")
  protected String since;

  /**
   * Report files to write into {@code outputDirectory}: json (greenlight.json), sarif
   * (greenlight.sarif), gitlab (greenlight-codequality.json), junit (TEST-greenlight.xml), text,
   * github.
   */
  @Parameter(property = "greenlight.formats")
  protected List<String> formats = new ArrayList<>();

  /** Skips the goal. */
  @Parameter(property = "greenlight.skip", defaultValue = "false")
  protected boolean skip;

  /** The greenlight.toml to use (default: the nearest one in the project folder or above it). */
  @Parameter(property = "greenlight.configFile")
  protected File configFile;

  /** Skips the work when no migration, configuration or parameter changed since the last pass. */
  @Parameter(property = "greenlight.incremental", defaultValue = "true")
  protected boolean incremental;

  /** Where report files and the incremental fingerprint go. */
  @Parameter(
      property = "greenlight.outputDirectory",
      defaultValue = "${project.build.directory}/greenlight")
  protected File outputDirectory;

  /** The goal's name in log lines: {@code lint} or {@code verify}. */
  protected abstract String goal();

  /** Runs the goal's analysis on resolved inputs. */
  protected abstract Analysis analyse(Inputs inputs)
      throws MojoExecutionException, MojoFailureException;

  /** Inputs besides the shared ones that change the goal's result (verify's query files, rows). */
  protected abstract void fingerprintExtras(Fingerprint.Builder fingerprint) throws IOException;

  /**
   * The resolved, validated inputs of a run.
   *
   * @param pgVersion the {@code pgVersion} parameter, null when not given
   * @param failOn the {@code failOn} parameter, null when not given
   */
  protected record Inputs(
      Path basedir,
      GreenlightConfig config,
      List<Path> folders,
      Integer pgVersion,
      Severity failOn,
      String since) {}

  /**
   * A finished analysis.
   *
   * @param failOn the effective fail level (parameter, greenlight.toml or default)
   * @param render how report files render it
   * @param notes things to say that are not findings
   */
  protected record Analysis(
      Report report, Severity failOn, RenderOptions render, List<String> notes) {}

  @Override
  public final void execute() throws MojoExecutionException, MojoFailureException {
    String name = "Greenlight " + goal();
    if (skip) {
      getLog().info(name + ": skipped (greenlight.skip)");
      return;
    }
    Severity failLevel = parseFailOn();
    Integer pg = parsePgVersion();
    List<Format> reportFormats = parseFormats();
    Path basedir = project.getBasedir().toPath().toAbsolutePath().normalize();
    Optional<Path> configPath =
        configFile != null
            ? Optional.of(basedir.resolve(configFile.toPath()).normalize())
            : ConfigLoader.find(basedir);
    GreenlightConfig config = loadConfig(configPath);

    MigrationLocations finder = new MigrationLocations(basedir, resourceDirs());
    MigrationLocations.Resolved where;
    try {
      where =
          finder.resolve(
              splitCommas(locations),
              config.flyway().locations(),
              FlywayPluginLocations.of(project.getBuildPlugins(), project.getProperties()),
              flywayConfigFileLocations(basedir));
    } catch (LocationException e) {
      throw new MojoExecutionException(e.getMessage());
    }
    for (String note : where.notes()) {
      getLog().warn(name + ": " + where.origin().description() + ": " + note);
    }
    if (where.folders().isEmpty()) {
      getLog()
          .info(name + ": no migrations in " + where.origin().description() + ", nothing to do");
      return;
    }

    Path out = outputDirectory.toPath();
    Path fingerprintFile = out.resolve(goal() + ".fingerprint");
    List<Path> reportPaths = ReportFiles.files(reportFormats, out);
    Fingerprint fingerprint =
        fingerprint(basedir, configPath, where.folders(), failLevel, pg, reportFormats, finder);
    if (incremental && since == null) {
      Optional<Fingerprint> previous = Fingerprint.read(fingerprintFile);
      Optional<String> changed = previous.flatMap(fingerprint::firstDifference);
      if (previous.isPresent()
          && changed.isEmpty()
          && reportPaths.stream().allMatch(Files::isRegularFile)) {
        getLog()
            .info(
                name
                    + ": no migration, configuration or parameter changed since the last"
                    + " passing run, skipped ("
                    + describe(where, finder)
                    + ")");
        return;
      }
      changed.ifPresent(what -> getLog().debug(name + ": changed since the last run: " + what));
    }
    deleteQuietly(fingerprintFile);

    getLog().info(name + ": checking " + describe(where, finder));
    Analysis analysis = analyse(new Inputs(basedir, config, where.folders(), pg, failLevel, since));
    for (String note : analysis.notes()) {
      getLog().info(name + ": note: " + note);
    }
    Report report = analysis.report();
    for (Finding f : report.findings()) {
      if (f.suppressed()) {
        continue;
      }
      switch (f.severity()) {
        case ERROR -> getLog().error(BuildLog.line(f));
        case WARNING -> getLog().warn(BuildLog.line(f));
        default -> getLog().info(BuildLog.line(f));
      }
    }
    getLog().info(name + ": " + BuildLog.summary(report, analysis.failOn()));
    try {
      for (Path file : ReportFiles.write(report, reportFormats, analysis.render(), out)) {
        getLog().info(name + ": wrote " + finder.display(file));
      }
    } catch (IOException e) {
      throw new MojoExecutionException(
          "formats: cannot write the report into " + out + ": " + e.getMessage());
    }
    if (report.failsAt(analysis.failOn())) {
      throw new MojoFailureException(BuildLog.failure(goal(), report, analysis.failOn()));
    }
    if (incremental && since == null) {
      try {
        fingerprint.write(fingerprintFile);
      } catch (IOException e) {
        getLog().warn(name + ": cannot record the inputs for the next run: " + e.getMessage());
      }
    }
  }

  private Severity parseFailOn() throws MojoExecutionException {
    if (failOn == null || failOn.isBlank()) {
      return null;
    }
    Severity level = Severity.parse(failOn);
    if (level == null || level == Severity.OFF) {
      throw new MojoExecutionException(
          "failOn: '" + failOn + "' is not a level (use error, warning or info)");
    }
    return level;
  }

  private Integer parsePgVersion() throws MojoExecutionException {
    if (pgVersion == null || pgVersion.isBlank()) {
      return null;
    }
    int major;
    try {
      major = Integer.parseInt(pgVersion.trim());
    } catch (NumberFormatException e) {
      throw new MojoExecutionException(
          "pgVersion: '" + pgVersion + "' is not a PostgreSQL major version such as 17");
    }
    if (major < RuleOptions.MIN_PG_VERSION || major > RuleOptions.MAX_PG_VERSION) {
      throw new MojoExecutionException(
          "pgVersion: "
              + major
              + " is not supported (use "
              + RuleOptions.MIN_PG_VERSION
              + "–"
              + RuleOptions.MAX_PG_VERSION
              + ")");
    }
    return major;
  }

  private List<Format> parseFormats() throws MojoExecutionException {
    try {
      return ReportFiles.parse(formats);
    } catch (IllegalArgumentException e) {
      throw new MojoExecutionException("formats: " + e.getMessage());
    }
  }

  private GreenlightConfig loadConfig(Optional<Path> path) throws MojoExecutionException {
    if (path.isEmpty()) {
      return GreenlightConfig.empty();
    }
    if (configFile != null && !Files.isRegularFile(path.get())) {
      throw new MojoExecutionException("configFile: " + path.get() + " does not exist");
    }
    try {
      return new ConfigLoader(RuleDocs.ruleIds(), RuleDocs::nearestId).read(path.get());
    } catch (ConfigException e) {
      throw new MojoExecutionException(
          (configFile != null ? "configFile: " : "greenlight.toml: ") + e.getMessage());
    }
  }

  /** {@code <locations>a,b</locations>} and {@code -Dgreenlight.locations=a,b} name two. */
  private static List<String> splitCommas(List<String> values) {
    List<String> parts = new ArrayList<>();
    for (String value : values) {
      for (String part : value.split(",")) {
        if (!part.isBlank()) {
          parts.add(part.trim());
        }
      }
    }
    return parts;
  }

  private List<Path> resourceDirs() {
    List<Path> dirs = new ArrayList<>();
    for (Resource r : project.getResources()) {
      if (r.getDirectory() != null) {
        dirs.add(project.getBasedir().toPath().resolve(r.getDirectory()).normalize());
      }
    }
    return dirs;
  }

  /** Locations set in flyway.conf / flyway.toml next to the POM, read the way the engine does. */
  private static List<String> flywayConfigFileLocations(Path basedir) {
    FlywaySettings defaults = FlywaySettings.defaults();
    FlywayConfigFiles.Loaded loaded = FlywayConfigFiles.load(basedir, defaults);
    if (loaded.files().isEmpty() || loaded.settings().locations().equals(defaults.locations())) {
      return List.of();
    }
    return loaded.settings().locations();
  }

  private Fingerprint fingerprint(
      Path basedir,
      Optional<Path> configPath,
      List<Path> folders,
      Severity failLevel,
      Integer pg,
      List<Format> reportFormats,
      MigrationLocations finder)
      throws MojoExecutionException {
    Fingerprint.Builder b = Fingerprint.builder();
    try {
      Optional<List<Path>> jars = toolJars();
      if (jars.isEmpty()) {
        // Code that cannot be told apart must never be trusted to give the same answer.
        b.value("tool", "unknown@" + System.nanoTime());
      }
      for (Path jar : jars.orElse(List.of())) {
        b.file("tool:" + jar.getFileName(), jar);
      }
      b.value("goal", goal())
          .value("locations", folders.stream().map(finder::display).toList())
          .value("pgVersion", pg)
          .value("failOn", failLevel == null ? null : failLevel.id())
          .value("formats", reportFormats.stream().map(Format::id).toList())
          .value("configFile", configPath.map(finder::display).orElse(null));
      if (configPath.isPresent()) {
        b.file(finder.display(configPath.get()), configPath.get());
      }
      b.file("flyway.conf", basedir.resolve("flyway.conf"));
      b.file("flyway.toml", basedir.resolve("flyway.toml"));
      fingerprintExtras(b);
      for (Path folder : folders) {
        b.tree(folder, basedir);
      }
    } catch (IOException e) {
      throw new MojoExecutionException("cannot read the migrations: " + e.getMessage());
    }
    return b.build();
  }

  /**
   * The jars whose code decides the result: this plugin, the engine, the rules, the front end and
   * verify. Their content is hashed, so a rebuilt but identical jar (the build is reproducible)
   * does not count as a change, and any new rule does. Empty when a location is unknown.
   */
  private Optional<List<Path>> toolJars() {
    Set<Path> jars = new TreeSet<>();
    for (Class<?> type :
        List.of(
            getClass(),
            dev.greenlight.linter.engine.Linter.class,
            dev.greenlight.linter.rules.RuleRegistry.class,
            dev.greenlight.linter.FrontEnd.class,
            dev.greenlight.linter.verify.Verifier.class)) {
      try {
        jars.add(Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()));
      } catch (URISyntaxException | RuntimeException e) {
        return Optional.empty();
      }
    }
    return Optional.of(List.copyOf(jars));
  }

  private static String describe(MigrationLocations.Resolved where, MigrationLocations finder) {
    return String.join(", ", where.folders().stream().map(finder::display).toList())
        + (where.origin() == MigrationLocations.Origin.PARAMETER
                || where.origin() == MigrationLocations.Origin.DEFAULT
            ? ""
            : " from " + where.origin().description());
  }

  private void deleteQuietly(Path file) {
    try {
      Files.deleteIfExists(file);
    } catch (IOException e) {
      getLog().debug("cannot delete " + file + ": " + e.getMessage());
    }
  }
}
