package dev.greenlight.linter.rules.analysis;

import dev.greenlight.linter.ddl.ObjectKind;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.TransactionStatement;
import dev.greenlight.linter.flyway.Transaction;
import dev.greenlight.linter.flyway.TransactionPlan;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.ColumnFacts;
import dev.greenlight.linter.rules.spi.MigrationFacts;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.linter.sql.Span;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@link RuleContext} of one statement of one file; moved along the file by the analyzer. */
final class StatementContext implements RuleContext {

  private final RuleOptions options;
  private final MigrationFacts migration;
  private final List<Statement> statements;
  private final TransactionPlan plan;
  private final SchemaReplay schema;
  private final List<Finding> findings;
  private int index;
  private RuleDescriptor rule;

  StatementContext(
      RuleOptions options,
      MigrationFacts migration,
      List<Statement> statements,
      TransactionPlan plan,
      SchemaReplay schema,
      List<Finding> findings) {
    this.options = options;
    this.migration = migration;
    this.statements = statements;
    this.plan = plan;
    this.schema = schema;
    this.findings = findings;
  }

  void moveTo(int statementIndex) {
    index = statementIndex;
  }

  void ruleIs(RuleDescriptor descriptor) {
    rule = descriptor;
  }

  @Override
  public RuleOptions options() {
    return options;
  }

  @Override
  public MigrationFacts migration() {
    return migration;
  }

  @Override
  public boolean inTransaction() {
    Transaction t = plan.transactions().get(index);
    return t.kind() == Transaction.Kind.FILE || inExplicitTransaction();
  }

  @Override
  public boolean inExplicitTransaction() {
    Transaction t = plan.transactions().get(index);
    if (t.kind() != Transaction.Kind.EXPLICIT) {
      return false;
    }
    boolean opener =
        statements.get(index) instanceof TransactionStatement ts && ts.command().opens();
    return !opener || index > 0 && plan.transactions().get(index - 1) == t && stillOpen(index - 1);
  }

  /** Whether the transaction is still open after statement {@code i}. */
  private boolean stillOpen(int i) {
    return !(statements.get(i) instanceof TransactionStatement ts && ts.command().closes());
  }

  @Override
  public List<Statement> earlierInTransaction() {
    Transaction t = plan.transactions().get(index);
    if (!t.isBlock()) {
      return List.of();
    }
    List<Statement> out = new ArrayList<>();
    for (int i = 0; i < index; i++) {
      if (plan.transactions().get(i) == t) {
        out.add(statements.get(i));
      }
    }
    return out;
  }

  @Override
  public List<Statement> earlierInFile() {
    return statements.subList(0, index);
  }

  @Override
  public List<Statement> laterInFile() {
    return statements.subList(index + 1, statements.size());
  }

  @Override
  public boolean isExistingTable(QualifiedName table) {
    return schema.isExistingTable(table);
  }

  @Override
  public boolean isExistingObject(ObjectKind kind, QualifiedName name) {
    return schema.isExistingObject(kind, name);
  }

  @Override
  public Optional<ColumnFacts> column(QualifiedName table, String column) {
    return schema.column(table, column);
  }

  @Override
  public Optional<QualifiedName> tableOfIndex(QualifiedName index) {
    return schema.tableOfIndex(index);
  }

  @Override
  public boolean hasValidatedNotNullCheck(QualifiedName table, String column) {
    return schema.hasValidatedNotNullCheck(table, column);
  }

  @Override
  public void report(Span span, String message, String help) {
    report(rule.severity(), span, message, help);
  }

  @Override
  public void report(Severity severity, Span span, String message, String help) {
    Span at = span == null ? statements.get(index).span() : span;
    findings.add(
        new Finding(
            rule.id(),
            severity,
            rule.category(),
            message,
            help,
            migration.path(),
            at.line(),
            at.column(),
            at.endLine(),
            at.endColumn(),
            false));
  }
}
