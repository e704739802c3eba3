package dev.greenlight.linter.verify.server;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The user objects of a database at one moment, so verify can remove what it added later. */
public final class CatalogSnapshot {
  private final Set<String> schemas;
  private final Set<String> extensions;
  private final Map<Long, String> dropByOid;

  private CatalogSnapshot(
      Set<String> schemas, Set<String> extensions, Map<Long, String> dropByOid) {
    this.schemas = schemas;
    this.extensions = extensions;
    this.dropByOid = dropByOid;
  }

  /** Reads the user schemas and the objects in them. */
  public static CatalogSnapshot take(Connection c) throws SQLException {
    Set<String> schemas = new HashSet<>();
    Set<String> extensions = new HashSet<>();
    Map<Long, String> drops = new LinkedHashMap<>();
    try (Statement s = c.createStatement()) {
      try (ResultSet rs = s.executeQuery("SELECT extname FROM pg_extension")) {
        while (rs.next()) {
          extensions.add(rs.getString(1));
        }
      }
      try (ResultSet rs =
          s.executeQuery(
              "SELECT nspname FROM pg_namespace WHERE nspname <> 'information_schema'"
                  + " AND nspname NOT LIKE 'pg\\_%'")) {
        while (rs.next()) {
          schemas.add(rs.getString(1));
        }
      }
      // Drop order: views first, then tables, sequences, functions, types.
      String sql =
          """
          SELECT c.oid::bigint, CASE c.relkind WHEN 'v' THEN 1 WHEN 'm' THEN 1 ELSE 2 END AS ord,
                 'DROP ' || CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                   WHEN 'S' THEN 'SEQUENCE' WHEN 'f' THEN 'FOREIGN TABLE' ELSE 'TABLE' END
                   || ' IF EXISTS ' || format('%I.%I', n.nspname, c.relname) || ' CASCADE'
            FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace
           WHERE c.relkind IN ('r', 'p', 'v', 'm', 'S', 'f') AND NOT c.relispartition
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_class'::regclass
                               AND d.objid = c.oid AND d.deptype = 'e')
             AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
          UNION ALL
          SELECT p.oid::bigint, 3,
                 'DROP ROUTINE IF EXISTS ' || format('%I.%I', n.nspname, p.proname)
                   || '(' || pg_get_function_identity_arguments(p.oid) || ') CASCADE'
            FROM pg_proc p JOIN pg_namespace n ON n.oid = p.pronamespace
           WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
             AND p.prokind IN ('f', 'p')
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_proc'::regclass
                               AND d.objid = p.oid AND d.deptype = 'e')
          UNION ALL
          SELECT t.oid::bigint, 4,
                 'DROP ' || CASE t.typtype WHEN 'd' THEN 'DOMAIN' ELSE 'TYPE' END || ' IF EXISTS '
                   || format('%I.%I', n.nspname, t.typname) || ' CASCADE'
            FROM pg_type t JOIN pg_namespace n ON n.oid = t.typnamespace
           WHERE n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
             AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.classid = 'pg_type'::regclass
                               AND d.objid = t.oid AND d.deptype = 'e')
             AND t.typtype IN ('e', 'd', 'r', 'c') AND (t.typtype <> 'c'
               OR (SELECT relkind FROM pg_class WHERE oid = t.typrelid) = 'c')
          ORDER BY 2, 1
          """;
      try (ResultSet rs = s.executeQuery(sql)) {
        while (rs.next()) {
          drops.put(rs.getLong(1), rs.getString(3));
        }
      }
    }
    return new CatalogSnapshot(schemas, extensions, drops);
  }

  List<String> extensionsNotIn(CatalogSnapshot before) {
    List<String> added = new ArrayList<>();
    for (String extension : extensions) {
      if (!before.extensions.contains(extension)) {
        added.add(extension);
      }
    }
    return added;
  }

  List<String> schemasNotIn(CatalogSnapshot before) {
    List<String> added = new ArrayList<>();
    for (String schema : schemas) {
      if (!before.schemas.contains(schema)) {
        added.add(schema);
      }
    }
    return added;
  }

  List<String> dropStatementsForObjectsNotIn(CatalogSnapshot before) {
    List<String> drops = new ArrayList<>();
    for (Map.Entry<Long, String> e : dropByOid.entrySet()) {
      if (!before.dropByOid.containsKey(e.getKey())) {
        drops.add(e.getValue());
      }
    }
    return drops;
  }
}
