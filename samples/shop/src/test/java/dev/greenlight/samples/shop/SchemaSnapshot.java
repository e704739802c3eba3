package dev.greenlight.samples.shop;

import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** The shop's schema as comparable lines: columns, constraints, indexes, triggers, functions. */
final class SchemaSnapshot {
  private SchemaSnapshot() {}

  static List<String> of(ShopDatabase database) throws SQLException {
    List<String> lines = new ArrayList<>();
    for (String row :
        database.rows(
            "SELECT 'column ' || table_name || '.' || column_name || ' ' || data_type"
                + " || CASE is_nullable WHEN 'NO' THEN ' NOT NULL' ELSE '' END"
                + " || ' default ' || coalesce(column_default, 'null')"
                + " FROM information_schema.columns WHERE table_schema = 'public'"
                + " AND table_name <> 'flyway_schema_history' ORDER BY 1")) {
      lines.add(row);
    }
    lines.addAll(
        database.rows(
            "SELECT 'constraint ' || conrelid::regclass || '.' || conname || ' '"
                + " || pg_get_constraintdef(oid) || CASE WHEN convalidated THEN '' ELSE ' NOT VALID' END"
                + " FROM pg_constraint WHERE connamespace = 'public'::regnamespace"
                + " AND conrelid <> 'flyway_schema_history'::regclass ORDER BY 1"));
    lines.addAll(
        database.rows(
            "SELECT 'index ' || indexdef FROM pg_indexes WHERE schemaname = 'public'"
                + " AND tablename <> 'flyway_schema_history' ORDER BY 1"));
    lines.addAll(
        database.rows(
            "SELECT 'trigger ' || tgrelid::regclass || '.' || tgname FROM pg_trigger"
                + " WHERE NOT tgisinternal ORDER BY 1"));
    lines.addAll(
        database.rows(
            "SELECT 'function ' || proname FROM pg_proc"
                + " WHERE pronamespace = 'public'::regnamespace ORDER BY 1"));
    return lines;
  }
}
