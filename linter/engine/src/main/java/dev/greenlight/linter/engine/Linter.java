package dev.greenlight.linter.engine;

import dev.greenlight.linter.FileProblem;
import dev.greenlight.linter.FrontEnd;
import dev.greenlight.linter.FrontEndOptions;
import dev.greenlight.linter.Migration;
import dev.greenlight.linter.MigrationSet;
import dev.greenlight.linter.MigrationStatement;
import dev.greenlight.linter.ddl.Unparsed;
import dev.greenlight.linter.engine.config.GreenlightConfig;
import dev.greenlight.linter.engine.git.Git;
import dev.greenlight.linter.engine.git.GitException;
import dev.greenlight.linter.engine.git.GitSnapshot;
import dev.greenlight.linter.engine.suppress.Region;
import dev.greenlight.linter.engine.suppress.SuppressionComments.SourceComment;
import dev.greenlight.linter.flyway.FlywayConfigFiles;
import dev.greenlight.linter.flyway.FlywaySettings;
import dev.greenlight.linter.flyway.MigrationName;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.analysis.Analyzer;
import dev.greenlight.linter.rules.spi.GitBaseline;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.linter.sql.Comment;
import dev.greenlight.linter.sql.Span;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The lint pipeline: Flyway settings, discovery and parsing by the front end, the rules, then
 * configuration, suppressions and meta findings, giving one {@link Report}.
 */
public final class Linter {
  /** The version every report names. */
  public static final String VERSION = "0.1.0";

  private final RuleRegistry registry;
  private final Analyzer analyzer;

  public Linter() {
    this(RuleRegistry.standard(), Analyzer.standard());
  }

  public Linter(RuleRegistry registry, Analyzer analyzer) {
    this.registry = registry;
    this.analyzer = analyzer;
  }

  /**
   * Loads and initialises the front end and the rules on a tiny migration, so that a CLI can do
   * this on a second core while it is still parsing its command line. Never throws.
   */
  public static void warmUp() {
    try {
      MigrationSet set =
          FrontEnd.loadTexts(
              Map.of(
                  "V1__warm_up.sql",
                  "CREATE TABLE warm (id bigint PRIMARY KEY, c text);\n"
                      + "ALTER TABLE warm ADD COLUMN d integer NOT NULL;\n"
                      + "CREATE INDEX warm_c ON warm (c);\n"),
              FrontEndOptions.defaults().withReadFlywayConfigFiles(false));
      Analyzer.standard().analyze(set, RuleOptions.defaults());
    } catch (RuntimeException | LinkageError e) {
      // Only a head start: the real run reports any real problem.
    }
  }

  /**
   * Lints the migrations {@code options} point at.
   *
   * @throws LintException when input cannot be read: a missing path, I/O, invalid UTF-8, an
   *     unterminated literal, a bad Flyway configuration, a failing git
   */
  public Report lint(LintOptions options, ProgressListener progress) throws LintException {
    Path cwd = options.workingDirectory();
    FlywaySettings flyway = flywaySettings(options);
    for (Path p : options.paths()) {
      if (!Files.exists(p)) {
        throw new LintException(display(p, cwd) + ": no such file or folder");
      }
    }
    FrontEndOptions frontEndOptions =
        FrontEndOptions.defaults()
            .withFlyway(flyway)
            .withRunner(frontEndRunner(options))
            .withPgVersion(options.pgVersion())
            .withBaseDirectory(cwd)
            .withReadFlywayConfigFiles(false);
    Optional<GitBaseline> baseline = Optional.empty();
    Set<Path> changed = null;
    if (options.since().isPresent()) {
      List<Path> roots = roots(options, flyway);
      GitSnapshot snapshot = snapshot(options, flyway, roots);
      baseline = Optional.of(baseline(snapshot, flyway, cwd));
      changed = changedFiles(roots, flyway, snapshot);
      frontEndOptions = frontEndOptions.withChangedFiles(changed);
    }
    long started = System.nanoTime();
    MigrationSet set =
        FrontEnd.load(options.paths(), frontEndOptions.withProgress(progress::filesDone));
    long loaded = System.nanoTime();
    failOnProblems(set.problems());

    RuleOptions ruleOptions =
        new RuleOptions(
            options.pgVersion(),
            options.runner(),
            options.runnerSetsLockTimeout(),
            options.severities(),
            options.helpBaseUrl(),
            baseline);
    List<Finding> raw = analyzer.analyze(set, ruleOptions);
    long analyzed = System.nanoTime();

    Map<String, List<Finding>> byPath = new HashMap<>();
    List<Finding> elsewhere = new ArrayList<>();
    Set<String> paths = new HashSet<>();
    for (Migration m : set.migrations()) {
      paths.add(m.displayPath());
    }
    for (Finding f : raw) {
      if (paths.contains(f.path())) {
        byPath.computeIfAbsent(f.path(), k -> new ArrayList<>()).add(f);
      } else {
        elsewhere.add(f);
      }
    }
    List<LintedFile> files = new ArrayList<>();
    for (Migration m : set.migrations()) {
      if (changed != null && !m.inChange()) {
        for (Finding f : byPath.getOrDefault(m.displayPath(), List.of())) {
          elsewhere.add(f); // set rules (e.g. a duplicate version) may point at unchanged files
        }
        continue;
      }
      files.add(lintedFile(m, byPath.getOrDefault(m.displayPath(), List.of())));
    }
    Report report = new ReportAssembler(registry, options).assemble(files, elsewhere, VERSION);
    if (System.getenv("GREENLIGHT_TIMING") != null) {
      System.err.printf(
          "greenlight timing: load+parse+replay %d ms, rules %d ms, report %d ms (%d files)%n",
          (loaded - started) / 1_000_000,
          (analyzed - loaded) / 1_000_000,
          (System.nanoTime() - analyzed) / 1_000_000,
          set.migrations().size());
    }
    return report;
  }

  private static LintedFile lintedFile(Migration m, List<Finding> findings) {
    List<SourceComment> comments = new ArrayList<>(m.comments().size());
    for (Comment c : m.comments()) {
      if (!c.block() && c.text().contains("greenlight:")) {
        comments.add(new SourceComment(c.text(), region(c.span())));
      }
    }
    List<Region> statements = new ArrayList<>(m.statements().size());
    for (MigrationStatement s : m.statements()) {
      statements.add(region(s.span()));
    }
    List<LintedFile.Unparsed> unparsed = new ArrayList<>();
    for (MigrationStatement s : m.analyzedStatements()) {
      if (s.statement() instanceof Unparsed u) {
        unparsed.add(new LintedFile.Unparsed(region(u.span()), u.reason()));
      }
    }
    return new LintedFile(m.info(), findings, comments, statements, unparsed);
  }

  private static Region region(Span span) {
    return new Region(span.line(), span.column(), span.endLine(), span.endColumn());
  }

  /** Defaults, then flyway.conf / flyway.toml in the working directory, then greenlight.toml. */
  private static FlywaySettings flywaySettings(LintOptions options) throws LintException {
    FlywayConfigFiles.Loaded loaded =
        FlywayConfigFiles.load(options.workingDirectory(), FlywaySettings.defaults());
    if (!loaded.problems().isEmpty()) {
      throw new LintException(String.join("\n", loaded.problems()));
    }
    FlywaySettings s = loaded.settings();
    GreenlightConfig.FlywaySection own = options.flyway();
    if (!own.locations().isEmpty()) {
      s = s.withLocations(own.locations().stream().map(Path::toString).toList());
    }
    Map<String, String> n = own.naming();
    if (n.containsKey("sqlMigrationPrefix")
        || n.containsKey("undoSqlMigrationPrefix")
        || n.containsKey("repeatableSqlMigrationPrefix")) {
      s =
          s.withPrefixes(
              n.getOrDefault("sqlMigrationPrefix", s.sqlMigrationPrefix()),
              n.getOrDefault("undoSqlMigrationPrefix", s.undoSqlMigrationPrefix()),
              n.getOrDefault("repeatableSqlMigrationPrefix", s.repeatableSqlMigrationPrefix()));
    }
    if (n.containsKey("sqlMigrationSeparator")) {
      s = s.withSeparator(n.get("sqlMigrationSeparator"));
    }
    if (n.containsKey("sqlMigrationSuffixes")) {
      s =
          s.withSuffixes(
              Arrays.stream(n.get("sqlMigrationSuffixes").split(",")).map(String::trim).toList());
    }
    if (n.containsKey("mixed")) {
      s = s.withMixed(Boolean.parseBoolean(n.get("mixed")));
    }
    if (n.containsKey("outOfOrder")) {
      s = s.withOutOfOrder(Boolean.parseBoolean(n.get("outOfOrder")));
    }
    if (n.containsKey("placeholderReplacement")) {
      s = s.withPlaceholderReplacement(Boolean.parseBoolean(n.get("placeholderReplacement")));
    }
    if (!own.placeholders().isEmpty()) {
      Map<String, String> merged = new LinkedHashMap<>(s.placeholders());
      merged.putAll(own.placeholders());
      s = s.withPlaceholders(merged);
    }
    return s;
  }

  private static void failOnProblems(List<FileProblem> problems) throws LintException {
    if (problems.isEmpty()) {
      return;
    }
    List<String> lines = new ArrayList<>();
    for (FileProblem p : problems) {
      lines.add(p.toString());
    }
    throw new LintException(String.join("\n", lines));
  }

  /** The folders and files the run reads: the given paths, or the Flyway locations. */
  private static List<Path> roots(LintOptions options, FlywaySettings flyway) {
    List<Path> roots = new ArrayList<>();
    if (options.paths().isEmpty()) {
      for (String location : flyway.locations()) {
        String folder = location.startsWith("filesystem:") ? location.substring(11) : location;
        roots.add(options.workingDirectory().resolve(folder).normalize());
      }
    } else {
      for (Path p : options.paths()) {
        roots.add(p.toAbsolutePath().normalize());
      }
    }
    roots.removeIf(p -> !Files.exists(p));
    return roots;
  }

  /** Migration files under {@code roots} whose content differs from the ref, or that are new. */
  private static Set<Path> changedFiles(List<Path> roots, FlywaySettings flyway, GitSnapshot at)
      throws LintException {
    Set<Path> changed = new HashSet<>();
    for (Path root : roots) {
      List<Path> files;
      try (Stream<Path> walk = Files.walk(root)) {
        files = walk.filter(Files::isRegularFile).toList();
      } catch (IOException e) {
        throw new LintException(root + ": cannot read: " + e.getMessage());
      }
      for (Path file : files) {
        String name = file.getFileName().toString();
        if (MigrationName.parse(name, flyway).kind() == MigrationName.Kind.OTHER) {
          continue;
        }
        Path abs = file.toAbsolutePath().normalize();
        try {
          if (at.changed(abs, sha256(Files.readAllBytes(file)))) {
            changed.add(abs);
          }
        } catch (IOException e) {
          throw new LintException(file + ": cannot read: " + e.getMessage());
        }
      }
    }
    return changed;
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }

  private static GitSnapshot snapshot(LintOptions options, FlywaySettings flyway, List<Path> roots)
      throws LintException {
    try {
      return new Git(options.workingDirectory())
          .snapshot(
              options.since().orElseThrow(),
              roots,
              name -> MigrationName.parse(name, flyway).kind() != MigrationName.Kind.OTHER);
    } catch (GitException e) {
      throw new LintException(e.getMessage());
    }
  }

  private static GitBaseline baseline(GitSnapshot snapshot, FlywaySettings flyway, Path cwd) {
    Map<String, GitBaseline.BaselineMigration> migrations = new LinkedHashMap<>();
    for (Map.Entry<Path, String> e : snapshot.sha256ByPath().entrySet()) {
      MigrationName name = MigrationName.parse(e.getKey().getFileName().toString(), flyway);
      if (name.kind() != MigrationName.Kind.VERSIONED || name.versionString() == null) {
        continue;
      }
      String path = display(e.getKey(), cwd);
      migrations.put(
          path, new GitBaseline.BaselineMigration(path, name.versionString(), e.getValue()));
    }
    return new GitBaseline(snapshot.ref(), migrations);
  }

  /** The path as reports show it: relative to the working directory when under it. */
  static String display(Path path, Path cwd) {
    Path abs = path.toAbsolutePath().normalize();
    Path shown = abs.startsWith(cwd) ? cwd.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }

  private static String hex(String checksum) {
    return checksum.startsWith("sha256:") ? checksum.substring(7) : checksum;
  }

  private static dev.greenlight.linter.flyway.RunnerMode frontEndRunner(LintOptions options) {
    return switch (options.runner()) {
      case FLYWAY -> dev.greenlight.linter.flyway.RunnerMode.FLYWAY;
      case FLYWAY_ALWAYS_TRANSACTIONAL ->
          dev.greenlight.linter.flyway.RunnerMode.FLYWAY_ALWAYS_TRANSACTIONAL;
      case AUTOCOMMIT -> dev.greenlight.linter.flyway.RunnerMode.AUTOCOMMIT;
    };
  }
}
