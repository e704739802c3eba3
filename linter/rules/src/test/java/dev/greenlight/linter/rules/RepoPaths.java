package dev.greenlight.linter.rules;

import java.nio.file.Files;
import java.nio.file.Path;

/** Locations the metadata and fixture tests read, found relative to the repository root. */
final class RepoPaths {

  private RepoPaths() {}

  /** The repository root: the nearest ancestor of the working directory holding {@code mvnw}. */
  static Path repoRoot() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      if (Files.isRegularFile(dir.resolve("mvnw")) && Files.isDirectory(dir.resolve("linter"))) {
        return dir;
      }
      dir = dir.getParent();
    }
    throw new IllegalStateException(
        "no repository root (a folder with mvnw and linter/) above "
            + Path.of("").toAbsolutePath());
  }

  /** {@code docs/rules/<id>.md}. */
  static Path rulePage(String id) {
    return repoRoot().resolve("docs").resolve("rules").resolve(id + ".md");
  }

  /** The fixture folder of this module's tests. */
  static Path fixtures() {
    String configured = System.getProperty("greenlight.fixtures.dir");
    if (configured != null && !configured.isBlank()) {
      return Path.of(configured);
    }
    return repoRoot().resolve("linter/rules/src/test/resources/fixtures");
  }

  /** The design's catalogue, present on the developers' machines, absent in CI. */
  static Path designCatalogue() {
    return repoRoot().resolveSibling("shared").resolve("design").resolve("rules.md");
  }
}
