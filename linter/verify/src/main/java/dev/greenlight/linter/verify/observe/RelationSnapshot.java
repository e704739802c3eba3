package dev.greenlight.linter.verify.observe;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user tables, materialized views and indexes of a database with their file nodes. Read on the
 * migration's own connection, it also sees what the open transaction changed.
 */
public final class RelationSnapshot {
  private static final String QUERY =
      """
      SELECT c.oid::bigint, n.nspname, c.relname, c.relkind,
             COALESCE(i.indrelid, c.oid)::bigint, COALESCE(pg_relation_filenode(c.oid), 0)::bigint
        FROM pg_class c
        JOIN pg_namespace n ON n.oid = c.relnamespace
        LEFT JOIN pg_index i ON i.indexrelid = c.oid
       WHERE c.relkind IN ('r', 'p', 'm', 'i', 'I')
         AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
      """;

  private final Map<Long, Relation> byOid;

  private RelationSnapshot(Map<Long, Relation> byOid) {
    this.byOid = byOid;
  }

  public static RelationSnapshot take(Connection c) throws SQLException {
    Map<Long, Relation> relations = new LinkedHashMap<>();
    try (Statement s = c.createStatement();
        ResultSet rs = s.executeQuery(QUERY)) {
      while (rs.next()) {
        Relation r =
            new Relation(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4).charAt(0),
                rs.getLong(5),
                rs.getLong(6));
        relations.put(r.oid(), r);
      }
    }
    return new RelationSnapshot(relations);
  }

  public Relation get(long oid) {
    return byOid.get(oid);
  }

  public boolean contains(long oid) {
    return byOid.containsKey(oid);
  }

  public Map<Long, Relation> all() {
    return Collections.unmodifiableMap(byOid);
  }
}
