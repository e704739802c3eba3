package dev.greenlight.linter.rules.hygiene;

import dev.greenlight.linter.ddl.AlterTable;
import dev.greenlight.linter.ddl.AlterTableAction;
import dev.greenlight.linter.ddl.AlterTableAction.AddColumn;
import dev.greenlight.linter.ddl.AlterTableAction.AlterColumnType;
import dev.greenlight.linter.ddl.ColumnDefinition;
import dev.greenlight.linter.ddl.CreateTable;
import dev.greenlight.linter.ddl.QualifiedName;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.ddl.TypeName;
import java.util.ArrayList;
import java.util.List;

/** The column types a statement declares: CREATE TABLE columns, added columns, type changes. */
final class ColumnTypes {

  private ColumnTypes() {}

  /**
   * One declared column type.
   *
   * @param definition the full definition, null for {@code ALTER COLUMN … TYPE}
   */
  record Declared(QualifiedName table, String column, TypeName type, ColumnDefinition definition) {}

  static List<Declared> of(Statement statement) {
    List<Declared> out = new ArrayList<>();
    if (statement instanceof CreateTable create) {
      for (ColumnDefinition c : create.columns()) {
        if (c.type() != null) {
          out.add(new Declared(create.table(), c.name().value(), c.type(), c));
        }
      }
    } else if (statement instanceof AlterTable alter) {
      for (AlterTableAction action : alter.actions()) {
        if (action instanceof AddColumn add && add.column().type() != null) {
          ColumnDefinition c = add.column();
          out.add(new Declared(alter.table(), c.name().value(), c.type(), c));
        } else if (action instanceof AlterColumnType change) {
          out.add(new Declared(alter.table(), change.column().value(), change.type(), null));
        }
      }
    }
    return out;
  }
}
