package dev.greenlight.linter.verify;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.verify.apply.ApplyResult;
import dev.greenlight.linter.verify.apply.MigrationApplier;
import dev.greenlight.linter.verify.apply.PendingMigration;
import dev.greenlight.linter.verify.baseline.BeforeState;
import dev.greenlight.linter.verify.compat.CapturedQuery;
import dev.greenlight.linter.verify.compat.CompatibilityTracker;
import dev.greenlight.linter.verify.error.VerifyException;
import dev.greenlight.linter.verify.observe.RelationSnapshot;
import dev.greenlight.linter.verify.seed.SeedResult;
import dev.greenlight.linter.verify.seed.TableSeeder;
import dev.greenlight.linter.verify.select.GitFiles;
import dev.greenlight.linter.verify.select.MigrationFile;
import dev.greenlight.linter.verify.select.Selection;
import dev.greenlight.linter.verify.server.CatalogSnapshot;
import dev.greenlight.linter.verify.server.EmbeddedScratch;
import dev.greenlight.linter.verify.server.PostgresBinaries;
import dev.greenlight.linter.verify.server.ScratchDatabase;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;

/**
 * {@code greenlight verify}: builds the running release's schema on a scratch PostgreSQL, fills it
 * with rows, applies the pending migrations statement by statement while watching locks, rewrites
 * and failures, and checks both releases' queries against the schema before and after.
 */
public final class Verifier {
  private final SqlFrontEnd frontEnd;
  private final PostgresBinaries binaries;

  Verifier(SqlFrontEnd frontEnd, PostgresBinaries binaries) {
    this.frontEnd = frontEnd;
    this.binaries = binaries;
  }

  /** A verifier on the linter's front end and the binaries this build knows. */
  public static Verifier standard() {
    return new Verifier(new FrontEndAdapter(), PostgresBinaries.standard());
  }

  /** The tool version reports carry, e.g. {@code 0.1.0}. */
  public static String toolVersion() {
    Properties p = new Properties();
    try (InputStream in = Verifier.class.getResourceAsStream("verify.properties")) {
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return p.getProperty("tool.version");
  }

  /**
   * Runs verify.
   *
   * @throws VerifyException for usage, configuration and I/O problems (exit code 2)
   */
  public VerifyOutcome run(VerifyOptions options) {
    long start = System.nanoTime();
    List<String> notes = new ArrayList<>();
    Stages stages = new Stages();
    List<MigrationFile> all = frontEnd.discover(options.paths(), options.workingDirectory());
    Selection selection = select(options, all);
    List<PendingMigration> pending = new ArrayList<>();
    for (MigrationFile m : selection.pending()) {
      pending.add(frontEnd.read(m));
    }
    List<CapturedQuery> oldQueries = queries(options.oldQueries(), options);
    List<CapturedQuery> newQueries = queries(options.newQueries(), options);
    if (pending.isEmpty()) {
      // Nothing can lock, rewrite, fail or break a query: no server is needed.
      notes.add("no pending migration: nothing to verify");
      int major = options.pgVersion() == null ? binaries.defaultMajor() : options.pgVersion();
      return new VerifyOutcome(
          Report.of(toolVersion(), major, List.of(), List.of()),
          notes,
          Duration.ofNanos(System.nanoTime() - start),
          stages.all);
    }

    if (options.jdbcUrl() != null) {
      ScratchDatabase db =
          new ScratchDatabase(options.jdbcUrl(), null, null, "database at " + redact(options));
      checkScratch(db, options);
      CatalogSnapshot empty;
      try (Connection c = db.connect()) {
        empty = CatalogSnapshot.take(c);
      } catch (SQLException e) {
        throw new VerifyException(
            "cannot connect to --jdbc-url " + redact(options) + ": " + e.getMessage(), e);
      }
      try {
        Report report =
            verifyOn(db, selection, pending, oldQueries, newQueries, options, notes, stages);
        return new VerifyOutcome(
            report, notes, Duration.ofNanos(System.nanoTime() - start), stages.all);
      } finally {
        if (options.keep()) {
          notes.add("kept the migrated schema in " + redact(options));
        } else {
          try {
            db.dropCreatedSince(empty);
          } catch (SQLException e) {
            notes.add("could not remove what verify created in the scratch database: " + e);
          }
        }
      }
    }
    int major = options.pgVersion() == null ? binaries.defaultMajor() : options.pgVersion();
    binaries.versionOf(major); // an unsupported major fails before anything starts
    stages.mark("read migrations");
    try (EmbeddedScratch scratch = EmbeddedScratch.start(binaries, major, options.keep())) {
      stages.mark("start embedded PostgreSQL " + major);
      Report report =
          verifyOn(
              scratch.database(),
              selection,
              pending,
              oldQueries,
              newQueries,
              options,
              notes,
              stages);
      if (scratch.keptDataDirectory() != null) {
        notes.add(
            "kept the migrated data directory "
                + scratch.keptDataDirectory()
                + " (start it with pg_ctl of PostgreSQL "
                + major
                + ")");
      }
      return new VerifyOutcome(
          report, notes, Duration.ofNanos(System.nanoTime() - start), stages.all);
    }
  }

  private Selection select(VerifyOptions options, List<MigrationFile> all) {
    if (options.sinceRef() != null) {
      Path dir =
          options.paths().isEmpty() ? options.workingDirectory() : folderOf(options.paths().get(0));
      return Selection.since(all, GitFiles.filesAt(dir, options.sinceRef()));
    }
    if (options.fromVersion() != null) {
      return Selection.fromVersion(all, options.fromVersion());
    }
    return Selection.highestPending(all);
  }

  private static Path folderOf(Path p) {
    Path abs = p.toAbsolutePath();
    return Files.isDirectory(abs) ? abs : abs.getParent();
  }

  private List<CapturedQuery> queries(Path file, VerifyOptions options) {
    if (file == null) {
      return List.of();
    }
    Path abs = options.workingDirectory().resolve(file);
    if (!Files.isRegularFile(abs)) {
      throw new VerifyException("query file not found: " + file);
    }
    return frontEnd.readQueries(abs, display(options.workingDirectory(), abs));
  }

  static String display(Path workingDirectory, Path file) {
    Path abs = file.toAbsolutePath().normalize();
    Path base = workingDirectory.toAbsolutePath().normalize();
    Path shown = abs.startsWith(base) ? base.relativize(abs) : abs;
    return shown.toString().replace('\\', '/');
  }

  private static void checkScratch(ScratchDatabase db, VerifyOptions options) {
    List<String> objects;
    int major;
    try {
      objects = db.userObjects();
      major = db.serverMajor();
    } catch (SQLException e) {
      throw new VerifyException(
          "cannot connect to --jdbc-url " + redact(options) + ": " + e.getMessage(), e);
    }
    if (!objects.isEmpty() && !options.scratchOk()) {
      throw new VerifyException(
          "refusing to use "
              + redact(options)
              + ": the database is not empty ("
              + String.join(", ", objects)
              + (objects.size() == 5 ? ", …" : "")
              + "). verify creates and drops objects; point it at an empty scratch database, or"
              + " pass --scratch-ok if this database may be changed");
    }
    if (options.pgVersion() != null && options.pgVersion() != major) {
      throw new VerifyException(
          "--pg-version "
              + options.pgVersion()
              + " was asked, but the database at --jdbc-url runs PostgreSQL "
              + major);
    }
  }

  private Report verifyOn(
      ScratchDatabase db,
      Selection selection,
      List<PendingMigration> pending,
      List<CapturedQuery> oldQueries,
      List<CapturedQuery> newQueries,
      VerifyOptions options,
      List<String> notes,
      Stages stages) {
    try {
      int major = db.serverMajor();
      BeforeState.build(db, selection.applied(), frontEnd.flywaySettings());
      stages.mark("before-state (" + selection.applied().size() + " migrations with Flyway)");
      List<Finding> findings = new ArrayList<>();
      try (Connection migration = db.connect();
          Connection observer = db.connect()) {
        SeedResult seed = new TableSeeder(migration, options.rows()).seedAll();
        notes.addAll(seed.warnings());
        String schema = frontEnd.flywaySettings().defaultSchema();
        if (schema != null && !schema.isBlank() && !schema.equals("public")) {
          try (java.sql.Statement s = migration.createStatement()) {
            // Flyway runs migrations with its default schema first on the search path.
            s.execute("SET search_path TO \"" + schema.replace("\"", "\"\"") + "\", public");
          }
        }
        stages.mark("seed " + seed.rowsByTable().size() + " tables");
        RelationSnapshot existing = RelationSnapshot.take(migration);
        CompatibilityTracker compat = new CompatibilityTracker(oldQueries, newQueries);
        compat.baseline(migration);
        ApplyResult result =
            new MigrationApplier(migration, observer, existing, compat).apply(pending);
        stages.mark("apply " + result.statements().size() + " pending statements");
        findings.addAll(ObservedFindings.forStatements(result.statements(), major));
        findings.addAll(ObservedFindings.forQueries(compat));
        notes.addAll(compat.notes());
      }
      List<MigrationInfo> infos = new ArrayList<>();
      for (PendingMigration m : pending) {
        infos.add(
            new MigrationInfo(
                m.path(),
                m.version(),
                m.description(),
                m.checksum(),
                m.transactional(),
                m.statements().size(),
                0));
      }
      List<Finding> reported = new ArrayList<>(frontEnd.applySuppressions(findings));
      reported.sort(
          Comparator.comparing(Finding::path)
              .thenComparingInt(Finding::line)
              .thenComparingInt(Finding::column)
              .thenComparing(Finding::rule));
      return Report.of(toolVersion(), major, infos, reported);
    } catch (SQLException e) {
      throw new VerifyException(
          "verify lost its scratch database (" + db.description() + "): " + e.getMessage(), e);
    }
  }

  /** Wall time per stage, for the benchmark and for users who wonder where the time goes. */
  private static final class Stages {
    final Map<String, Duration> all = new LinkedHashMap<>();
    long last = System.nanoTime();

    void mark(String stage) {
      long now = System.nanoTime();
      all.put(stage, Duration.ofNanos(now - last));
      last = now;
    }
  }

  private static String redact(VerifyOptions options) {
    return options.jdbcUrl().replaceAll("(?i)(password=)[^&]*", "$1***");
  }
}
