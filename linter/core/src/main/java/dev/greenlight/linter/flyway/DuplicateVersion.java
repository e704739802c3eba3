package dev.greenlight.linter.flyway;

import java.nio.file.Path;
import java.util.List;

/**
 * Several migrations with the same version (or repeatables with the same description), which Flyway
 * rejects.
 *
 * @param version the shared version, or the shared description for repeatables
 * @param kind {@link MigrationName.Kind#VERSIONED}, {@code UNDO} or {@code REPEATABLE}
 * @param paths the files, in discovery order
 */
public record DuplicateVersion(String version, MigrationName.Kind kind, List<Path> paths) {}
