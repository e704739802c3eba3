package dev.greenlight.linter.rules.spi;

import java.util.Map;
import java.util.Objects;

/**
 * The versioned migrations as they were at the {@code --since} git ref. The engine computes it with
 * git; the rules {@code ban-edit-applied-migration} and {@code require-monotonic-version} compare
 * the working tree against it, and every migration whose path and checksum are unchanged since the
 * ref is treated as already deployed (not linted, its objects count as existing).
 *
 * @param ref the git ref as the user gave it (for messages)
 * @param migrations versioned migrations at the ref, keyed by path in the same form the front end
 *     reports paths (relative to the working directory, forward slashes)
 */
public record GitBaseline(String ref, Map<String, BaselineMigration> migrations) {

  public GitBaseline {
    Objects.requireNonNull(ref, "ref");
    migrations = Map.copyOf(migrations);
  }

  /**
   * One versioned migration at the ref.
   *
   * @param path the file path, same form as the front end's migration paths
   * @param version the Flyway version as written in the file name ({@code "42"}, {@code "1.2"})
   * @param sha256 lower-case hex SHA-256 of the file's bytes at the ref (no {@code sha256:} prefix)
   */
  public record BaselineMigration(String path, String version, String sha256) {
    public BaselineMigration {
      Objects.requireNonNull(path, "path");
      Objects.requireNonNull(version, "version");
      Objects.requireNonNull(sha256, "sha256");
    }
  }
}
