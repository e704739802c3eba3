package dev.greenlight.linter.rules.analysis;

import dev.greenlight.linter.MigrationStatement;
import dev.greenlight.linter.ddl.CreateSchema;
import dev.greenlight.linter.ddl.CreateTrigger;
import dev.greenlight.linter.ddl.ObjectKind;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.TransactionStatement;
import dev.greenlight.linter.flyway.Transaction;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Severity;
import dev.greenlight.linter.rules.spi.ColumnFacts;
import dev.greenlight.linter.rules.spi.MigrationFacts;
import dev.greenlight.linter.rules.spi.RuleContext;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import dev.greenlight.linter.rules.spi.RuleOptions;
import dev.greenlight.linter.schema.Index;
import dev.greenlight.linter.schema.SchemaObject;
import dev.greenlight.linter.schema.SchemaView;
import dev.greenlight.linter.schema.Table;
import dev.greenlight.linter.schema.View;
import dev.greenlight.linter.sql.Span;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The {@link RuleContext} of one statement, answered from the front end's {@link SchemaView} (the
 * schema just before the statement) and the file's statements and transaction plan.
 */
final class StatementContext implements RuleContext {

  private final RuleOptions options;
  private final MigrationFacts migration;
  private final List<MigrationStatement> fileStatements;
  private final List<Statement> statements;
  private final List<Finding> findings;

  /** Many rules ask about the same table of one statement; the answers are remembered. */
  private final Map<QualifiedName, Boolean> existingTables = new HashMap<>();

  private MigrationStatement current;
  private RuleDescriptor rule;

  StatementContext(
      RuleOptions options,
      MigrationFacts migration,
      List<MigrationStatement> fileStatements,
      List<Finding> findings) {
    this.options = options;
    this.migration = migration;
    this.fileStatements = fileStatements;
    List<Statement> plain = new ArrayList<>(fileStatements.size());
    for (MigrationStatement s : fileStatements) {
      plain.add(s.statement());
    }
    this.statements = plain;
    this.findings = findings;
  }

  void moveTo(MigrationStatement statement) {
    current = statement;
    existingTables.clear();
  }

  void ruleIs(RuleDescriptor descriptor) {
    rule = descriptor;
  }

  private SchemaView schema() {
    return current.schema();
  }

  /** The top-level index of the current statement (a DO block's for embedded statements). */
  private int index() {
    return current.index();
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
    return current.transaction().kind() == Transaction.Kind.FILE || inExplicitTransaction();
  }

  @Override
  public boolean inExplicitTransaction() {
    Transaction t = current.transaction();
    if (t.kind() != Transaction.Kind.EXPLICIT) {
      return false;
    }
    boolean opener = current.statement() instanceof TransactionStatement ts && ts.command().opens();
    if (!opener) {
      return true;
    }
    int i = index();
    return i > 0
        && fileStatements.get(i - 1).transaction() == t
        && !(statements.get(i - 1) instanceof TransactionStatement ts && ts.command().closes());
  }

  @Override
  public List<Statement> earlierInTransaction() {
    Transaction t = current.transaction();
    if (!t.isBlock()) {
      return List.of();
    }
    List<Statement> out = new ArrayList<>();
    for (int i = 0; i < index(); i++) {
      if (fileStatements.get(i).transaction() == t) {
        out.add(statements.get(i));
      }
    }
    return out;
  }

  @Override
  public List<Statement> earlierInFile() {
    return statements.subList(0, index());
  }

  @Override
  public List<Statement> laterInFile() {
    return statements.subList(index() + 1, statements.size());
  }

  @Override
  public boolean isExistingTable(QualifiedName table) {
    Boolean known = existingTables.get(table);
    if (known == null) {
      known = lookUpExistingTable(table);
      existingTables.put(table, known);
    }
    return known;
  }

  private boolean lookUpExistingTable(QualifiedName table) {
    Optional<Table> known = schema().table(table);
    if (known.isPresent()) {
      return schema().isExisting(known.get().origin());
    }
    Optional<View> view = schema().view(table);
    return view.isPresent() ? existing(view.get()) : schema().isExistingTable(table);
  }

  @Override
  public boolean isPartitionedTable(QualifiedName table) {
    return schema().table(table).map(Table::partitioned).orElse(false);
  }

  @Override
  public boolean isExistingObject(ObjectKind kind, QualifiedName name) {
    SchemaView s = schema();
    return switch (kind) {
      case VIEW, MATERIALIZED_VIEW -> s.view(name).map(this::existing).orElse(true);
      case TYPE, DOMAIN -> s.type(name).map(this::existing).orElse(true);
      case FUNCTION, PROCEDURE, ROUTINE, AGGREGATE ->
          s.routine(name).map(this::existing).orElse(true);
      case SEQUENCE -> s.sequence(name).map(this::existing).orElse(true);
      case INDEX -> s.index(name).map(this::existing).orElse(true);
      case TABLE, FOREIGN_TABLE -> isExistingTable(name);
      case SCHEMA ->
          earlierInFile().stream()
              .noneMatch(
                  st -> st instanceof CreateSchema c && c.name().value().equals(name.name()));
      case TRIGGER ->
          earlierInFile().stream()
              .noneMatch(
                  st -> st instanceof CreateTrigger c && c.name().value().equals(name.name()));
      default -> true;
    };
  }

  private boolean existing(SchemaObject object) {
    return schema().isExisting(object.origin());
  }

  @Override
  public Optional<ColumnFacts> column(QualifiedName table, String column) {
    return schema()
        .column(table, column)
        .map(
            c ->
                new ColumnFacts(
                    c.name(),
                    c.type(),
                    c.notNull(),
                    c.defaultValue() != null && !c.defaultValue().isNull()
                        || c.identity()
                        || c.generated()
                        || c.type() != null && c.type().isSerial(),
                    schema().isExistingColumn(table, column)));
  }

  @Override
  public Optional<QualifiedName> tableOfIndex(QualifiedName index) {
    Optional<Index> found = schema().index(index);
    return found.map(
        i -> {
          int dot = i.table().lastIndexOf('.');
          return dot < 0
              ? new QualifiedName(i.schema(), i.table(), index.span())
              : new QualifiedName(
                  i.table().substring(0, dot), i.table().substring(dot + 1), index.span());
        });
  }

  @Override
  public boolean hasValidatedNotNullCheck(QualifiedName table, String column) {
    return schema().hasValidatedNotNullCheck(table, column);
  }

  @Override
  public void report(Span span, String message, String help) {
    report(rule.severity(), span, message, help);
  }

  @Override
  public void report(Severity severity, Span span, String message, String help) {
    // A rule's span must lie within the statement (embedded DO statements map into the file).
    Span at = span != null && current.span().contains(span) ? span : current.span();
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
