package dev.greenlight.linter;

import dev.greenlight.linter.flyway.DuplicateVersion;
import dev.greenlight.linter.flyway.FlywaySettings;
import java.util.ArrayList;
import java.util.List;

/**
 * The loaded migrations in Flyway order, parsed and replayed: what the rules engine works on.
 *
 * @param migrations the migrations in the order Flyway applies them
 * @param problems file-level problems of every file plus discovery and configuration problems
 * @param duplicateVersions versions used by several files (Flyway rejects them)
 * @param flyway the Flyway settings in effect (after flyway.conf / flyway.toml)
 * @param options the options the set was loaded with
 */
public record MigrationSet(
    List<Migration> migrations,
    List<FileProblem> problems,
    List<DuplicateVersion> duplicateVersions,
    FlywaySettings flyway,
    FrontEndOptions options) {

  /** Every statement rules should see, file by file (embedded DO statements included). */
  public List<MigrationStatement> analyzedStatements() {
    List<MigrationStatement> out = new ArrayList<>();
    for (Migration m : migrations) {
      out.addAll(m.analyzedStatements());
    }
    return out;
  }

  /** The number of top-level statements of all files (transaction control included). */
  public int statementCount() {
    int n = 0;
    for (Migration m : migrations) {
      n += m.statements().size();
    }
    return n;
  }

  /** The number of statements the parser could not read. */
  public int unparsedCount() {
    int n = 0;
    for (Migration m : migrations) {
      n += m.unparsedCount();
    }
    return n;
  }
}
