package dev.greenlight.linter.flyway;

import java.nio.file.Path;

/**
 * A migration file found by {@link MigrationDiscovery}.
 *
 * @param path the file (as found: relative when the given path was relative)
 * @param name what its name says under Flyway's naming
 * @param scriptConfig its {@code <file>.conf} when one exists, else null
 */
public record DiscoveredFile(Path path, MigrationName name, Path scriptConfig) {}
