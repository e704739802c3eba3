package dev.greenlight.linter.rules.spi;

/** A rule that looks at all migration files together (versions, the --since baseline). */
public non-sealed interface MigrationSetRule extends Rule {

  /** Inspects the migration set and reports through {@code context}. */
  void check(MigrationSetContext context);
}
