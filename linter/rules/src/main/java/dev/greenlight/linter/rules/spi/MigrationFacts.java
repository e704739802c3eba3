package dev.greenlight.linter.rules.spi;

/**
 * One migration file as the rules see it.
 *
 * @param path as reported (relative to the working directory when possible, forward slashes)
 * @param version the Flyway version ({@code "42"}, {@code "1.2"}), null for repeatable migrations
 * @param sha256 lower-case hex SHA-256 of the file's bytes
 * @param runnerWrapsInTransaction whether the runner runs the whole file inside one transaction
 *     (Flyway's default for files without non-transactional statements, {@code
 *     executeInTransaction=true}, or the always-transactional runner)
 * @param executeInTransaction the {@code executeInTransaction} setting of the file's {@code
 *     .sql.conf}, null when not set
 * @param mixed the {@code mixed} setting (from {@code .sql.conf} or the Flyway configuration)
 */
public record MigrationFacts(
    String path,
    String version,
    String sha256,
    boolean runnerWrapsInTransaction,
    Boolean executeInTransaction,
    boolean mixed) {

  /** Whether this is a versioned migration. */
  public boolean versioned() {
    return version != null;
  }
}
