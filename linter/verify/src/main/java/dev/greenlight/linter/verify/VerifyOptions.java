package dev.greenlight.linter.verify;

import dev.greenlight.linter.verify.error.VerifyException;
import java.nio.file.Path;
import java.util.List;

/**
 * What the user asked {@code verify} to do.
 *
 * @param paths migration files or folders (Flyway layout)
 * @param fromVersion migrations up to this version form the running release's state; null
 * @param sinceRef migrations added since this git ref are pending; null
 * @param rows synthetic rows per existing table
 * @param oldQueries the running release's captured SQL; null
 * @param newQueries the new release's SQL; null
 * @param pgVersion PostgreSQL major of the embedded server; null for the default (17)
 * @param jdbcUrl a scratch database to use instead of an embedded server; null
 * @param scratchOk allow a non-empty database behind {@code jdbcUrl}
 * @param keep keep the migrated scratch database instead of rolling it back
 * @param workingDirectory base for reported paths and {@code git}
 */
public record VerifyOptions(
    List<Path> paths,
    String fromVersion,
    String sinceRef,
    long rows,
    Path oldQueries,
    Path newQueries,
    Integer pgVersion,
    String jdbcUrl,
    boolean scratchOk,
    boolean keep,
    Path workingDirectory) {

  public static final long DEFAULT_ROWS = 10_000;

  public VerifyOptions {
    paths = List.copyOf(paths);
    if (fromVersion != null && sinceRef != null) {
      throw new VerifyException("give either --from-version or --since, not both");
    }
    if (rows < 0) {
      throw new VerifyException("--rows " + rows + ": must be 0 or more");
    }
    workingDirectory = workingDirectory == null ? Path.of("").toAbsolutePath() : workingDirectory;
  }

  /** Options for the given paths with every default. */
  public static VerifyOptions of(Path workingDirectory, List<Path> paths) {
    return new VerifyOptions(
        paths, null, null, DEFAULT_ROWS, null, null, null, null, false, false, workingDirectory);
  }

  public VerifyOptions withFromVersion(String version) {
    return new VerifyOptions(
        paths,
        version,
        sinceRef,
        rows,
        oldQueries,
        newQueries,
        pgVersion,
        jdbcUrl,
        scratchOk,
        keep,
        workingDirectory);
  }

  public VerifyOptions withSince(String ref) {
    return new VerifyOptions(
        paths,
        fromVersion,
        ref,
        rows,
        oldQueries,
        newQueries,
        pgVersion,
        jdbcUrl,
        scratchOk,
        keep,
        workingDirectory);
  }

  public VerifyOptions withRows(long n) {
    return new VerifyOptions(
        paths,
        fromVersion,
        sinceRef,
        n,
        oldQueries,
        newQueries,
        pgVersion,
        jdbcUrl,
        scratchOk,
        keep,
        workingDirectory);
  }

  public VerifyOptions withQueries(Path old, Path fresh) {
    return new VerifyOptions(
        paths,
        fromVersion,
        sinceRef,
        rows,
        old,
        fresh,
        pgVersion,
        jdbcUrl,
        scratchOk,
        keep,
        workingDirectory);
  }

  public VerifyOptions withPgVersion(Integer major) {
    return new VerifyOptions(
        paths,
        fromVersion,
        sinceRef,
        rows,
        oldQueries,
        newQueries,
        major,
        jdbcUrl,
        scratchOk,
        keep,
        workingDirectory);
  }

  public VerifyOptions withJdbcUrl(String url, boolean scratch) {
    return new VerifyOptions(
        paths,
        fromVersion,
        sinceRef,
        rows,
        oldQueries,
        newQueries,
        pgVersion,
        url,
        scratch,
        keep,
        workingDirectory);
  }

  public VerifyOptions withKeep(boolean keepResult) {
    return new VerifyOptions(
        paths,
        fromVersion,
        sinceRef,
        rows,
        oldQueries,
        newQueries,
        pgVersion,
        jdbcUrl,
        scratchOk,
        keepResult,
        workingDirectory);
  }
}
