package dev.greenlight.linter.rules.analysis;

import dev.greenlight.linter.ddl.Parser;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.flyway.ScriptConfig;
import dev.greenlight.linter.sql.Script;
import dev.greenlight.linter.sql.SourceText;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * One migration file, split and parsed by the front end, as the {@link Analyzer} takes it.
 *
 * @param path as reported in findings (relative to the working directory, forward slashes)
 * @param version the Flyway version text ({@code "42"}, {@code "1.2"}), null for repeatable files
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param statements every statement of the file in order, transaction control included
 * @param config the file's {@code .sql.conf} ({@link ScriptConfig#NONE} when absent)
 * @param mixed Flyway's {@code mixed} setting for this file
 */
public record MigrationSource(
    String path,
    String version,
    String sha256,
    List<Statement> statements,
    ScriptConfig config,
    boolean mixed) {

  public MigrationSource {
    Objects.requireNonNull(path, "path");
    Objects.requireNonNull(sha256, "sha256");
    statements = List.copyOf(statements);
    config = config == null ? ScriptConfig.NONE : config;
  }

  /**
   * Splits and parses a file's content (UTF-8) with the front end.
   *
   * @param placeholders Flyway placeholder values for {@code ${name}} in identifiers
   */
  public static MigrationSource parse(
      String path,
      String version,
      byte[] content,
      ScriptConfig config,
      boolean mixed,
      Map<String, String> placeholders) {
    String text = new String(content, StandardCharsets.UTF_8);
    List<Statement> statements = Parser.parseAll(Script.split(SourceText.of(text)), placeholders);
    return new MigrationSource(path, version, sha256(content), statements, config, mixed);
  }

  /** Lower-case hex SHA-256 of {@code content}. */
  public static String sha256(byte[] content) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
    }
  }
}
