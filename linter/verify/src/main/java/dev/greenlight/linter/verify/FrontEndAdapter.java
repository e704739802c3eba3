package dev.greenlight.linter.verify;

import dev.greenlight.linter.ddl.Parser;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.TransactionStatement;
import dev.greenlight.linter.engine.suppress.FileSuppressions;
import dev.greenlight.linter.engine.suppress.Region;
import dev.greenlight.linter.engine.suppress.SuppressionComments;
import dev.greenlight.linter.flyway.DiscoveredFile;
import dev.greenlight.linter.flyway.DuplicateVersion;
import dev.greenlight.linter.flyway.FlywayConfigFiles;
import dev.greenlight.linter.flyway.FlywaySettings;
import dev.greenlight.linter.flyway.MigrationDiscovery;
import dev.greenlight.linter.flyway.MigrationName;
import dev.greenlight.linter.flyway.RunnerMode;
import dev.greenlight.linter.flyway.ScriptConfig;
import dev.greenlight.linter.flyway.Transaction;
import dev.greenlight.linter.flyway.TransactionPlan;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.sql.Comment;
import dev.greenlight.linter.sql.LexProblem;
import dev.greenlight.linter.sql.Script;
import dev.greenlight.linter.sql.SourceText;
import dev.greenlight.linter.sql.Span;
import dev.greenlight.linter.sql.StatementSlice;
import dev.greenlight.linter.verify.apply.PendingMigration;
import dev.greenlight.linter.verify.apply.PendingStatement;
import dev.greenlight.linter.verify.apply.PendingStatement.TransactionControl;
import dev.greenlight.linter.verify.compat.CapturedQuery;
import dev.greenlight.linter.verify.error.VerifyException;
import dev.greenlight.linter.verify.select.MigrationFile;
import java.io.IOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The linter's front end as verify uses it: Flyway discovery and naming, the splitter (exact
 * spans), the statement model and Flyway's transaction plan for each file.
 */
final class FrontEndAdapter implements SqlFrontEnd {
  /** The plan needs a major for version-dependent rules; none below 14 is run by verify. */
  private static final int PLAN_PG_VERSION = 17;

  private FlywaySettings settings = FlywaySettings.defaults();
  private final Map<String, FileSuppressions> suppressions = new HashMap<>();

  @Override
  public List<MigrationFile> discover(List<Path> paths, Path workingDirectory) {
    FlywayConfigFiles.Loaded loaded =
        FlywayConfigFiles.load(workingDirectory, FlywaySettings.defaults());
    if (!loaded.problems().isEmpty()) {
      throw new VerifyException(loaded.problems().get(0));
    }
    settings = loaded.settings();
    MigrationDiscovery.Result result =
        MigrationDiscovery.discover(paths, workingDirectory, settings);
    if (!result.problems().isEmpty()) {
      throw new VerifyException(result.problems().get(0));
    }
    if (!result.duplicates().isEmpty()) {
      DuplicateVersion d = result.duplicates().get(0);
      throw new VerifyException(
          "Flyway version " + d.version() + " is used by several files: " + d.paths());
    }
    List<MigrationFile> files = new ArrayList<>();
    for (DiscoveredFile f : result.files()) {
      MigrationName name = f.name();
      if (name.kind() != MigrationName.Kind.VERSIONED
          && name.kind() != MigrationName.Kind.REPEATABLE) {
        continue; // undo migrations and unrelated SQL are not run by Flyway migrate
      }
      Path abs = workingDirectory.resolve(f.path()).toAbsolutePath().normalize();
      Path conf = abs.resolveSibling(abs.getFileName() + ".conf");
      files.add(
          new MigrationFile(
              abs,
              Verifier.display(workingDirectory, abs),
              name.kind() == MigrationName.Kind.VERSIONED ? name.versionString() : null,
              name.description(),
              Files.isRegularFile(conf) ? conf : null));
    }
    return files;
  }

  @Override
  public PendingMigration read(MigrationFile file) {
    List<String> problems = new ArrayList<>();
    ScriptConfig config = ScriptConfig.forMigration(file.file(), problems);
    if (!problems.isEmpty()) {
      throw new VerifyException(problems.get(0));
    }
    byte[] bytes = readBytes(file.file());
    Charset charset =
        config.encoding() == null ? StandardCharsets.UTF_8 : Charset.forName(config.encoding());
    String text = new String(bytes, charset);
    Script script = Script.split(SourceText.of(text));
    if (!script.problems().isEmpty()) {
      throw new VerifyException(
          file.displayPath() + ":" + problem(script) + " — the file cannot be split");
    }
    List<Statement> statements = Parser.parseAll(script, settings.placeholders());
    TransactionPlan plan =
        TransactionPlan.plan(
            statements, RunnerMode.FLYWAY, config, PLAN_PG_VERSION, new AtomicInteger());
    List<PendingStatement> pending = new ArrayList<>();
    List<Region> regions = new ArrayList<>();
    for (StatementSlice slice : script.statements()) {
      Span span = slice.span();
      regions.add(new Region(span.line(), span.column(), span.endLine(), span.endColumn()));
    }
    List<SuppressionComments.SourceComment> comments = new ArrayList<>();
    for (Comment c : script.tokens().comments()) {
      Span span = c.span();
      comments.add(
          new SuppressionComments.SourceComment(
              c.text(), new Region(span.line(), span.column(), span.endLine(), span.endColumn())));
    }
    RuleRegistry registry = RuleRegistry.standard();
    suppressions.put(
        file.displayPath(),
        new FileSuppressions(
            file.displayPath(),
            SuppressionComments.parse(comments, regions),
            true,
            id -> registry.find(id).isPresent(),
            registry::nearestId));
    for (int i = 0; i < statements.size(); i++) {
      StatementSlice slice = script.statements().get(i);
      Span span = slice.span();
      Transaction tx = plan.transactions().get(i);
      pending.add(
          new PendingStatement(
              withPlaceholders(span.text(text), file),
              span.line(),
              span.column(),
              span.endLine(),
              span.endColumn(),
              control(statements.get(i)),
              tx.id(),
              tx.isBlock()));
    }
    return new PendingMigration(
        file.displayPath(),
        file.version(),
        file.description(),
        plan.transactional(),
        "sha256:" + sha256(bytes),
        pending);
  }

  @Override
  public FlywaySettings flywaySettings() {
    return settings;
  }

  /** Replaces {@code ${name}} as Flyway would before running the statement. */
  private String withPlaceholders(String sql, MigrationFile file) {
    if (!settings.placeholderReplacement() || !sql.contains("${")) {
      return sql;
    }
    Map<String, String> values = new HashMap<>(settings.placeholders());
    values.putIfAbsent("flyway:defaultSchema", settings.defaultSchema());
    values.putIfAbsent("flyway:filename", file.file().getFileName().toString());
    String out = sql;
    for (Map.Entry<String, String> e : values.entrySet()) {
      out = out.replace("${" + e.getKey() + "}", e.getValue());
    }
    return out;
  }

  private static TransactionControl control(Statement s) {
    if (!(s instanceof TransactionStatement)) {
      return TransactionControl.NONE;
    }
    TransactionStatement t = (TransactionStatement) s;
    if (t.command().opens()) {
      return TransactionControl.BEGIN;
    }
    if (t.command().closes()) {
      return t.command().name().startsWith("ROLLBACK")
          ? TransactionControl.ROLLBACK
          : TransactionControl.COMMIT;
    }
    return TransactionControl.NONE; // savepoints run as ordinary statements inside the block
  }

  @Override
  public List<Finding> applySuppressions(List<Finding> findings) {
    List<Finding> out = new ArrayList<>(findings.size());
    for (Finding f : findings) {
      FileSuppressions file = suppressions.get(f.path());
      out.add(file == null ? f : file.apply(f));
    }
    return out;
  }

  @Override
  public List<CapturedQuery> readQueries(Path file, String displayPath) {
    String text = new String(readBytes(file), StandardCharsets.UTF_8);
    Script script = Script.split(SourceText.of(text));
    if (!script.problems().isEmpty()) {
      throw new VerifyException(
          displayPath + ":" + problem(script) + " — the query file cannot be split");
    }
    List<CapturedQuery> queries = new ArrayList<>();
    for (StatementSlice slice : script.statements()) {
      Span span = slice.span();
      queries.add(
          new CapturedQuery(
              span.text(text),
              displayPath,
              span.line(),
              span.column(),
              span.endLine(),
              span.endColumn()));
    }
    return queries;
  }

  private static String problem(Script script) {
    LexProblem p = script.problems().get(0);
    return p.span().position() + ": " + p.message();
  }

  private static byte[] readBytes(Path file) {
    try {
      return Files.readAllBytes(file);
    } catch (IOException e) {
      throw new VerifyException(file + ": cannot read: " + e.getMessage(), e);
    }
  }

  private static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
