package dev.greenlight.linter.rules.runner;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.GitBaseline;
import dev.greenlight.linter.rules.spi.GitBaseline.BaselineMigration;
import dev.greenlight.linter.rules.spi.MigrationFacts;
import dev.greenlight.linter.rules.spi.MigrationSetContext;
import dev.greenlight.linter.rules.spi.MigrationSetRule;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * With {@code --since}: a versioned migration that existed at the ref was changed, renamed (same
 * content at another path) or deleted — Flyway's validate fails on databases that applied it.
 */
public final class BanEditAppliedMigration implements MigrationSetRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-edit-applied-migration",
          Severity.ERROR,
          Category.RUNNER,
          "A versioned migration that existed at the --since ref was changed, renamed or deleted");

  private static final String HELP =
      "Restore the applied migration as it was at the ref and make the change in a new versioned"
          + " migration";

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  private static List<BaselineMigration> sortedByPath(GitBaseline baseline) {
    List<BaselineMigration> out = new ArrayList<>(baseline.migrations().values());
    out.sort(Comparator.comparing(BaselineMigration::path));
    return out;
  }

  @Override
  public void check(MigrationSetContext context) {
    if (context.options().baseline().isEmpty()) {
      return;
    }
    GitBaseline baseline = context.options().baseline().get();
    Map<String, MigrationFacts> byPath = new HashMap<>();
    Map<String, MigrationFacts> bySha = new HashMap<>();
    for (MigrationFacts m : context.migrations()) {
      byPath.put(m.path(), m);
      bySha.putIfAbsent(m.sha256(), m);
    }
    for (BaselineMigration old : sortedByPath(baseline)) {
      MigrationFacts now = byPath.get(old.path());
      String at = " at " + baseline.ref();
      if (now != null) {
        if (!now.sha256().equalsIgnoreCase(old.sha256())) {
          context.reportFile(
              now.path(),
              "Migration "
                  + old.path()
                  + " (version "
                  + old.version()
                  + ") was applied"
                  + at
                  + " and has been changed: Flyway validate fails with a checksum mismatch",
              HELP);
        }
        continue;
      }
      MigrationFacts moved = bySha.get(old.sha256());
      if (moved != null) {
        context.reportFile(
            moved.path(),
            "Migration "
                + old.path()
                + " (version "
                + old.version()
                + ") existed"
                + at
                + " and was renamed to "
                + moved.path()
                + ": Flyway sees a missing migration",
            "Keep the original file name");
      } else {
        context.reportFile(
            old.path(),
            "Migration "
                + old.path()
                + " (version "
                + old.version()
                + ") existed"
                + at
                + " and was deleted: Flyway validate fails on databases that applied it",
            HELP);
      }
    }
  }
}
