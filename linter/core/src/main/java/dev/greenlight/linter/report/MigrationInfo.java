package dev.greenlight.linter.report;

/**
 * One migration file as the report lists it.
 *
 * @param version the Flyway version ({@code "42"}, {@code "1.2"}), null for repeatable migrations
 * @param checksum {@code sha256:<hex>} of the file's bytes
 * @param transactional whether the runner runs the file in one transaction
 * @param statements every statement of the file, transaction control included
 * @param unparsed statements the linter could not analyze
 */
public record MigrationInfo(
    String path,
    String version,
    String description,
    String checksum,
    boolean transactional,
    int statements,
    int unparsed) {}
