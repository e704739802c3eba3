package dev.greenlight.linter.rules.spi;

import java.util.List;

/** What a {@link MigrationSetRule} sees: every migration file and the options of the run. */
public interface MigrationSetContext {

  /** The options of this run; {@link RuleOptions#baseline()} holds the --since state. */
  RuleOptions options();

  /** Every migration file found, versioned ones in version order, then repeatable ones. */
  List<MigrationFacts> migrations();

  /**
   * Reports a finding about a whole file at its first line; {@code path} may name a file that no
   * longer exists (a migration deleted since the baseline).
   */
  void reportFile(String path, String message, String help);
}
