package dev.greenlight.linter;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.flyway.MigrationName;
import dev.greenlight.linter.flyway.ScriptConfig;
import dev.greenlight.linter.flyway.TransactionPlan;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.sql.Comment;
import dev.greenlight.linter.sql.SourceText;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** One migration file: what Flyway's naming says, its parsed statements, its transactions. */
public final class Migration {
  private final int index;
  private final Path path;
  private final String displayPath;
  private final MigrationName name;
  private final String checksum;
  private final ScriptConfig scriptConfig;
  private final SourceText source;
  private final List<Comment> comments;
  private final List<Statement> parsed;
  private final TransactionPlan plan;
  private final List<FileProblem> problems;
  private final boolean inChange;
  private final List<MigrationStatement> statements = new ArrayList<>();
  private final List<MigrationStatement> analyzed = new ArrayList<>();

  Migration(
      int index,
      Path path,
      String displayPath,
      MigrationName name,
      String checksum,
      ScriptConfig scriptConfig,
      SourceText source,
      List<Comment> comments,
      List<Statement> parsed,
      TransactionPlan plan,
      List<FileProblem> problems,
      boolean inChange) {
    this.index = index;
    this.path = path;
    this.displayPath = displayPath;
    this.name = name;
    this.checksum = checksum;
    this.scriptConfig = scriptConfig;
    this.source = source;
    this.comments = comments;
    this.parsed = parsed;
    this.plan = plan;
    this.problems = problems;
    this.inChange = inChange;
  }

  void addTopLevel(MigrationStatement s) {
    statements.add(s);
    analyzed.add(s);
  }

  void addEmbedded(MigrationStatement s) {
    analyzed.add(s);
  }

  List<Statement> parsed() {
    return parsed;
  }

  /** The position in Flyway order within the loaded set (0-based). */
  public int index() {
    return index;
  }

  /** The file as found. */
  public Path path() {
    return path;
  }

  /** The path as reports show it: relative to the base directory when under it, with '/'. */
  public String displayPath() {
    return displayPath;
  }

  /** What the file name says under Flyway's naming (kind, version, description). */
  public MigrationName name() {
    return name;
  }

  /** Flyway's version string ({@code "42"}, {@code "1.2"}); null unless versioned or undo. */
  public String version() {
    return name.versionString();
  }

  /** The description from the file name, underscores as spaces. */
  public String description() {
    return name.description();
  }

  /** {@code sha256:<hex>} of the file's bytes (empty when the file could not be read). */
  public String checksum() {
    return checksum;
  }

  /** The file's {@code .sql.conf}, or {@link ScriptConfig#NONE}. */
  public ScriptConfig scriptConfig() {
    return scriptConfig;
  }

  /** The decoded text (empty for files that could not be read). */
  public SourceText source() {
    return source;
  }

  /** Every comment of the file, in order (suppression comments among them). */
  public List<Comment> comments() {
    return comments;
  }

  /** How the runner runs the file: transactional or not, why, and each statement's transaction. */
  public TransactionPlan transactionPlan() {
    return plan;
  }

  /** Whether the runner wraps the whole file in one transaction. */
  public boolean transactional() {
    return plan.transactional();
  }

  /** The file's top-level statements in order, transaction control included. */
  public List<MigrationStatement> statements() {
    return Collections.unmodifiableList(statements);
  }

  /**
   * Every statement rules should see, in order: the top-level statements with the statements found
   * inside DO blocks right after their block.
   */
  public List<MigrationStatement> analyzedStatements() {
    return Collections.unmodifiableList(analyzed);
  }

  /** Problems reading the file (I/O, encoding, binary content, unterminated literals). */
  public List<FileProblem> problems() {
    return problems;
  }

  /** Whether the file belongs to the change under review ({@code --since}). */
  public boolean inChange() {
    return inChange;
  }

  /** How many statements (top-level and embedded) the parser could not read. */
  public int unparsedCount() {
    int n = 0;
    for (MigrationStatement s : analyzed) {
      if (s.isUnparsed()) {
        n++;
      }
    }
    return n;
  }

  /** The report's view of this migration. */
  public MigrationInfo info() {
    return new MigrationInfo(
        displayPath,
        version(),
        description(),
        checksum,
        transactional(),
        statements.size(),
        unparsedCount());
  }

  @Override
  public String toString() {
    return displayPath;
  }
}
