package dev.greenlight.linter.verify.select;

import dev.greenlight.linter.verify.error.VerifyException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.flywaydb.core.api.MigrationVersion;

/**
 * The migrations split into the running release's state ({@code applied}) and the {@code pending}
 * ones verify observes, each in the order Flyway runs them (versioned by version, then repeatable).
 */
public record Selection(List<MigrationFile> applied, List<MigrationFile> pending) {

  private static final Comparator<MigrationFile> FLYWAY_ORDER =
      Comparator.comparing(MigrationFile::repeatable)
          .thenComparing(MigrationFile::flywayVersion)
          .thenComparing(MigrationFile::displayPath);

  public Selection {
    applied = List.copyOf(applied);
    pending = List.copyOf(pending);
  }

  /**
   * Migrations above {@code fromVersion} are pending; repeatable ones belong to the before-state.
   */
  public static Selection fromVersion(List<MigrationFile> all, String fromVersion) {
    MigrationVersion from;
    try {
      from = MigrationVersion.fromVersion(fromVersion);
    } catch (RuntimeException e) {
      throw new VerifyException("--from-version " + fromVersion + ": not a Flyway version");
    }
    List<MigrationFile> applied = new ArrayList<>();
    List<MigrationFile> pending = new ArrayList<>();
    for (MigrationFile m : all) {
      if (!m.repeatable() && m.flywayVersion().compareTo(from) > 0) {
        pending.add(m);
      } else {
        applied.add(m);
      }
    }
    return sorted(applied, pending);
  }

  /** Without {@code --from-version} or {@code --since}: only the highest version is pending. */
  public static Selection highestPending(List<MigrationFile> all) {
    MigrationFile highest = null;
    for (MigrationFile m : all) {
      if (!m.repeatable()
          && (highest == null || m.flywayVersion().compareTo(highest.flywayVersion()) > 0)) {
        highest = m;
      }
    }
    if (highest == null) {
      throw new VerifyException(
          "no versioned Flyway migration (V<version>__<description>.sql) under the given paths");
    }
    List<MigrationFile> applied = new ArrayList<>(all);
    applied.remove(highest);
    return sorted(applied, new ArrayList<>(List.of(highest)));
  }

  /** With {@code --since}: migrations whose files did not exist at the ref are pending. */
  public static Selection since(List<MigrationFile> all, Set<Path> filesAtRef) {
    List<MigrationFile> applied = new ArrayList<>();
    List<MigrationFile> pending = new ArrayList<>();
    for (MigrationFile m : all) {
      if (filesAtRef.contains(realPath(m.file()))) {
        applied.add(m);
      } else {
        pending.add(m);
      }
    }
    return sorted(applied, pending);
  }

  /** Git reports real paths; a working directory reached through a symlink must match them. */
  static Path realPath(Path file) {
    try {
      return file.toRealPath();
    } catch (java.io.IOException e) {
      return file.toAbsolutePath().normalize();
    }
  }

  private static Selection sorted(List<MigrationFile> applied, List<MigrationFile> pending) {
    applied.sort(FLYWAY_ORDER);
    pending.sort(FLYWAY_ORDER);
    return new Selection(applied, pending);
  }
}
