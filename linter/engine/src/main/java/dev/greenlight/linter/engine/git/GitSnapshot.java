package dev.greenlight.linter.engine.git;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/**
 * Files as they were at a git ref: their SHA-256, keyed by absolute path in the working tree.
 *
 * @param ref the ref as the user gave it
 * @param commit the commit it resolved to
 * @param sha256ByPath lower-case hex SHA-256 of each file's bytes at the ref
 */
public record GitSnapshot(String ref, String commit, Map<Path, String> sha256ByPath) {

  public GitSnapshot {
    sha256ByPath = Map.copyOf(sha256ByPath);
  }

  /** The file's hash at the ref, empty when it did not exist there. */
  public Optional<String> sha256(Path absolutePath) {
    return Optional.ofNullable(sha256ByPath.get(absolutePath.toAbsolutePath().normalize()));
  }

  /** Whether the file was added or changed since the ref, given its current hash. */
  public boolean changed(Path absolutePath, String currentSha256) {
    return !sha256(absolutePath).map(currentSha256::equals).orElse(false);
  }
}
