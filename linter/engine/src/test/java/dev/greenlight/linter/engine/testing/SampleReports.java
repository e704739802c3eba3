package dev.greenlight.linter.engine.testing;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Hand-made reports and their sources, for renderer tests. */
public final class SampleReports {
  public static final String V1 = "db/migration/V1__create_orders.sql";
  public static final String V2 = "db/migration/V2__drop legacy, \"quoted\".sql";

  public static final String V1_TEXT =
      "CREATE TABLE orders (\n"
          + "  id bigint PRIMARY KEY,\n"
          + "  legacy_ref text\n"
          + ");\n"
          + "CREATE INDEX orders_legacy ON orders (legacy_ref);\n";

  public static final String V2_TEXT =
      "-- greenlight:ignore ban-drop-table reason: table was never used\n"
          + "DROP TABLE old_orders;\n"
          + "ALTER TABLE orders DROP COLUMN legacy_ref;\n"
          + "ALTER TABLE orders\n"
          + "\tADD CONSTRAINT amount_positive CHECK (amount > 0);\n";

  private SampleReports() {}

  public static Map<String, String> sources() {
    return Map.of(V1, V1_TEXT, V2, V2_TEXT);
  }

  public static Optional<String> source(String path) {
    return Optional.ofNullable(sources().get(path));
  }

  /** Two migrations, findings of every severity, one suppressed, awkward characters. */
  public static Report mixed() {
    List<MigrationInfo> migrations =
        List.of(
            new MigrationInfo(V1, "1", "create orders", "sha256:" + "a".repeat(64), true, 2, 0),
            new MigrationInfo(
                V2, "2", "drop legacy, \"quoted\"", "sha256:" + "b".repeat(64), true, 3, 0));
    List<Finding> findings =
        List.of(
            new Finding(
                "prefer-bigint",
                Severity.INFO,
                Category.HYGIENE,
                "Column orders.id uses bigint & <friends>: fine, but 50% of keys",
                "Use bigint for keys",
                V1,
                2,
                3,
                2,
                23,
                false),
            new Finding(
                "ban-drop-table",
                Severity.ERROR,
                Category.COMPAT,
                "Dropping table old_orders breaks the release still running",
                "Drop the table in the contract phase",
                V2,
                2,
                1,
                2,
                22,
                true),
            new Finding(
                "ban-drop-column",
                Severity.ERROR,
                Category.COMPAT,
                "Dropping column orders.legacy_ref breaks the release still running",
                "Stop using the column in release N, drop it in release N+1",
                V2,
                3,
                1,
                3,
                42,
                false),
            new Finding(
                "require-not-valid-check",
                Severity.WARNING,
                Category.LOCK,
                "CHECK amount_positive on orders scans the table under ACCESS EXCLUSIVE\n(two lines)",
                "ADD … NOT VALID, then VALIDATE CONSTRAINT in a later transaction",
                V2,
                4,
                1,
                5,
                52,
                false));
    return Report.of("0.1.0", 17, migrations, findings);
  }

  /** Nothing found. */
  public static Report clean() {
    return Report.of(
        "0.1.0",
        16,
        List.of(
            new MigrationInfo(V1, "1", "create orders", "sha256:" + "a".repeat(64), true, 2, 0)),
        List.of());
  }

  /** A repeatable migration (no version) with an unparsed statement. */
  public static Report repeatable() {
    return Report.of(
        "0.1.0",
        17,
        List.of(
            new MigrationInfo(
                "R__views.sql", null, "views", "sha256:" + "c".repeat(64), false, 1, 1)),
        List.of(
            new Finding(
                "unparsed-statement",
                Severity.WARNING,
                Category.META,
                "Statement could not be analyzed",
                "",
                "R__views.sql",
                1,
                1,
                1,
                10,
                false)));
  }
}
