package dev.greenlight.linter.report;

import java.util.List;

/** Totals of a report; suppressed findings are not counted as errors, warnings or infos. */
public record Summary(
    int files, int statements, int errors, int warnings, int infos, int unparsed) {

  /** Computes the totals from migrations and findings. */
  public static Summary of(List<MigrationInfo> migrations, List<Finding> findings) {
    int statements = 0;
    int unparsed = 0;
    for (MigrationInfo m : migrations) {
      statements += m.statements();
      unparsed += m.unparsed();
    }
    int errors = 0;
    int warnings = 0;
    int infos = 0;
    for (Finding f : findings) {
      if (f.suppressed()) {
        continue;
      }
      switch (f.severity()) {
        case ERROR -> errors++;
        case WARNING -> warnings++;
        case INFO -> infos++;
        case OFF -> {}
      }
    }
    return new Summary(migrations.size(), statements, errors, warnings, infos, unparsed);
  }
}
