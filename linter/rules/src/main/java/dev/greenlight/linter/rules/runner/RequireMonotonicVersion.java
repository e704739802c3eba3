package dev.greenlight.linter.rules.runner;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.GitBaseline;
import dev.greenlight.linter.rules.spi.GitBaseline.BaselineMigration;
import dev.greenlight.linter.rules.spi.MigrationFacts;
import dev.greenlight.linter.rules.spi.MigrationSetContext;
import dev.greenlight.linter.rules.spi.MigrationSetRule;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Two migrations with the same version (always), and with {@code --since} a new migration whose
 * version is not above the highest version at the ref (Flyway refuses it unless outOfOrder).
 */
public final class RequireMonotonicVersion implements MigrationSetRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-monotonic-version",
          Severity.ERROR,
          Category.RUNNER,
          "A new versioned migration's version is not above the highest at the --since ref, or is"
              + " a duplicate");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public void check(MigrationSetContext context) {
    Map<FlywayVersion, MigrationFacts> seen = new HashMap<>();
    for (MigrationFacts m : context.migrations()) {
      FlywayVersion v = FlywayVersion.parse(m.version());
      if (v == null) {
        continue;
      }
      MigrationFacts first = seen.putIfAbsent(v, m);
      if (first != null) {
        context.reportFile(
            m.path(),
            "Version "
                + m.version()
                + " of "
                + m.path()
                + " is also the version of "
                + first.path()
                + ": Flyway refuses duplicate versions",
            "Give " + m.path() + " a version above every existing migration");
      }
    }
    if (context.options().baseline().isEmpty()) {
      return;
    }
    GitBaseline baseline = context.options().baseline().get();
    FlywayVersion highest = null;
    Set<String> knownShas = new HashSet<>();
    for (BaselineMigration old : baseline.migrations().values()) {
      knownShas.add(old.sha256().toLowerCase(java.util.Locale.ROOT));
      FlywayVersion v = FlywayVersion.parse(old.version());
      if (v != null && (highest == null || v.compareTo(highest) > 0)) {
        highest = v;
      }
    }
    if (highest == null) {
      return;
    }
    for (MigrationFacts m : context.migrations()) {
      FlywayVersion v = FlywayVersion.parse(m.version());
      boolean isNew =
          !baseline.migrations().containsKey(m.path())
              && !knownShas.contains(m.sha256().toLowerCase(java.util.Locale.ROOT));
      if (v != null && isNew && v.compareTo(highest) <= 0) {
        context.reportFile(
            m.path(),
            "New migration "
                + m.path()
                + " has version "
                + m.version()
                + ", not above "
                + highest
                + " (the highest at "
                + baseline.ref()
                + "): Flyway refuses it on databases that ran "
                + highest
                + " unless outOfOrder=true",
            "Renumber it above " + highest);
      }
    }
  }
}
