package dev.greenlight.linter.rules.lock;

import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Reindex;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.StatementRule;
import java.util.EnumSet;
import java.util.Optional;
import java.util.Set;

/** {@code REINDEX} without {@code CONCURRENTLY} blocks writes and index reads during the build. */
public final class RequireConcurrentReindex implements StatementRule {

  public static final RuleDescriptor DESCRIPTOR =
      RuleDescriptor.of(
          "require-concurrent-reindex",
          Severity.ERROR,
          Category.LOCK,
          "REINDEX must use CONCURRENTLY (PostgreSQL 12+)");

  @Override
  public RuleDescriptor descriptor() {
    return DESCRIPTOR;
  }

  @Override
  public Set<StatementKind> kinds() {
    return EnumSet.of(StatementKind.REINDEX);
  }

  @Override
  public void check(Statement statement, RuleContext context) {
    Reindex reindex = (Reindex) statement;
    if (reindex.concurrently() || reindex.target().equals("SYSTEM")) {
      return; // system catalogs have no concurrent form
    }
    Optional<QualifiedName> table =
        switch (reindex.target()) {
          case "TABLE" -> Optional.ofNullable(reindex.name());
          case "INDEX" -> context.tableOfIndex(reindex.name());
          default -> Optional.empty();
        };
    if (table.isPresent() && !context.isExistingTable(table.get())) {
      return;
    }
    String target =
        reindex.target().toLowerCase(java.util.Locale.ROOT)
            + (reindex.name() == null ? "" : " " + reindex.name());
    String help =
        context.pgVersion() >= 12
            ? "Use REINDEX " + reindex.target() + " CONCURRENTLY in a migration of its own"
            : "PostgreSQL "
                + context.pgVersion()
                + " has no REINDEX CONCURRENTLY: build a replacement with CREATE INDEX"
                + " CONCURRENTLY, DROP INDEX CONCURRENTLY the old one, then rename";
    context.report(
        reindex.span(),
        "Reindexing "
            + target
            + " without CONCURRENTLY blocks writes"
            + table.map(t -> " to " + t).orElse("")
            + " and queries that use the index until the rebuild ends",
        help);
  }
}
