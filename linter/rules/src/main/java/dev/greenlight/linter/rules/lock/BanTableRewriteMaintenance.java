package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.Cluster;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.ddl.Vacuum;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Set;

/** {@code VACUUM FULL} and {@code CLUSTER} rewrite tables under ACCESS EXCLUSIVE. */
public final class BanTableRewriteMaintenance implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "ban-table-rewrite-maintenance",
          Severity.ERROR,
          Category.LOCK,
          "VACUUM FULL and CLUSTER rewrite the table under ACCESS EXCLUSIVE");

  private static final String HELP =
      "Use an online tool (pg_repack, pg_squeeze) or a maintenance window; plain VACUUM does not"
          + " block traffic";

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.VACUUM, StatementKind.CLUSTER);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    if (statement instanceof Vacuum vacuum && vacuum.full()) {
      if (vacuum.tables().isEmpty()) {
        context.report(
            vacuum.span(),
            "VACUUM FULL rewrites every table of the database, each under ACCESS EXCLUSIVE",
            HELP);
      }
      for (QualifiedName table : vacuum.tables()) {
        if (context.isExistingTable(table)) {
          context.report(
              table.span(),
              "VACUUM FULL rewrites " + table + " under ACCESS EXCLUSIVE: no reads or writes",
              HELP);
        }
      }
    } else if (statement instanceof Cluster cluster) {
      if (cluster.table() == null) {
        context.report(
            cluster.span(),
            "CLUSTER rewrites every previously clustered table, each under ACCESS EXCLUSIVE",
            HELP);
      } else if (context.isExistingTable(cluster.table())) {
        context.report(
            cluster.table().span(),
            "CLUSTER rewrites " + cluster.table() + " under ACCESS EXCLUSIVE: no reads or writes",
            HELP);
      }
    }
  }
}
