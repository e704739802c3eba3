package dev.greenlight.linter.rules.spi;

import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.StatementKind;
import java.util.Set;

/** A rule the analyzer calls for every statement of the kinds it names. */
public non-sealed interface StatementRule extends Rule {

  /** The statement kinds this rule looks at; the analyzer calls {@link #check} only for those. */
  Set<StatementKind> kinds();

  /**
   * Inspects one statement and reports through {@code context}. The context answers questions about
   * the schema just before this statement and about the statement's place in its file and
   * transaction.
   */
  void check(Statement statement, RuleContext context);
}
