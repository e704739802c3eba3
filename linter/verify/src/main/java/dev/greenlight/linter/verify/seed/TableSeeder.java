package dev.greenlight.linter.verify.seed;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills every user table with synthetic rows, one {@code INSERT … SELECT … FROM generate_series}
 * per table, parents before children so foreign keys find their rows.
 *
 * <p>Values come from the row number (distinct per row, so unique keys hold); foreign-key columns
 * take the key of the parent's row number modulo the parent's size; a column limited by {@code
 * CHECK (c IN (…))} cycles through the listed values; rows that would violate any other CHECK are
 * filtered out by evaluating the CHECK expression over the generated row. A table that still cannot
 * be filled is left empty with a warning; verify carries on.
 */
public final class TableSeeder {
  private static final Pattern IN_LIST = Pattern.compile("= ANY \\(+(ARRAY\\[.*?\\])");

  /** Tables verify never fills: the migration runner's own bookkeeping. */
  private static final Set<String> RUNNER_TABLES = Set.of("flyway_schema_history");

  private final Connection connection;
  private final long rows;

  public TableSeeder(Connection connection, long rows) {
    this.connection = connection;
    this.rows = rows;
  }

  private record Table(long oid, String schema, String name) {
    String qualified() {
      return quote(schema) + "." + quote(name);
    }

    String display() {
      return "public".equals(schema) ? name : schema + "." + name;
    }
  }

  private record ForeignKey(
      String name, long parentOid, List<Integer> columns, List<String> parentColumns) {}

  private record Check(List<Integer> columns, String expression, String inList) {}

  /** Seeds every user table; commits when done. */
  public SeedResult seedAll() throws SQLException {
    boolean autoCommit = connection.getAutoCommit();
    connection.setAutoCommit(false);
    Map<String, Long> counts = new LinkedHashMap<>();
    List<String> warnings = new ArrayList<>();
    try {
      Map<Long, Table> tables = tables();
      Map<Long, List<ForeignKey>> foreignKeys = new HashMap<>();
      for (Table t : tables.values()) {
        foreignKeys.put(t.oid(), foreignKeys(t.oid()));
      }
      Set<Long> seeded = new HashSet<>();
      for (Table t : dependencyOrder(tables, foreignKeys)) {
        Savepoint sp = connection.setSavepoint();
        String sql = null;
        try {
          sql = insertStatement(t, tables, foreignKeys.get(t.oid()), seeded);
          try (Statement s = connection.createStatement()) {
            long inserted = s.executeLargeUpdate(sql);
            counts.put(t.display(), inserted);
            if (inserted > 0) {
              seeded.add(t.oid());
            } else {
              warnings.add(
                  "table " + t.display() + " left empty: every generated row failed its CHECKs");
            }
          }
          connection.releaseSavepoint(sp);
        } catch (SQLException e) {
          connection.rollback(sp);
          counts.put(t.display(), 0L);
          warnings.add("table " + t.display() + " left empty: " + firstLine(e.getMessage()));
        }
      }
      try (Statement s = connection.createStatement()) {
        s.execute("ANALYZE");
      }
      connection.commit();
    } catch (SQLException e) {
      connection.rollback();
      throw e;
    } finally {
      connection.setAutoCommit(autoCommit);
    }
    return new SeedResult(counts, warnings);
  }

  private Map<Long, Table> tables() throws SQLException {
    Map<Long, Table> tables = new LinkedHashMap<>();
    String sql =
        """
        SELECT c.oid::bigint, n.nspname, c.relname FROM pg_class c
          JOIN pg_namespace n ON n.oid = c.relnamespace
         WHERE c.relkind IN ('r', 'p') AND NOT c.relispartition
           AND n.nspname <> 'information_schema' AND n.nspname NOT LIKE 'pg\\_%'
         ORDER BY n.nspname, c.relname
        """;
    try (Statement s = connection.createStatement();
        ResultSet rs = s.executeQuery(sql)) {
      while (rs.next()) {
        if (!RUNNER_TABLES.contains(rs.getString(3))) {
          tables.put(rs.getLong(1), new Table(rs.getLong(1), rs.getString(2), rs.getString(3)));
        }
      }
    }
    return tables;
  }

  private List<ForeignKey> foreignKeys(long table) throws SQLException {
    List<ForeignKey> fks = new ArrayList<>();
    String sql =
        """
        SELECT con.conname, con.confrelid::bigint, con.conkey,
               ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(num, pos)
                       JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.num
                      ORDER BY k.pos)
          FROM pg_constraint con WHERE con.contype = 'f' AND con.conrelid = ? ORDER BY con.conname
        """;
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          fks.add(
              new ForeignKey(
                  rs.getString(1),
                  rs.getLong(2),
                  List.of(toIntegers(rs.getArray(3).getArray())),
                  List.of((String[]) rs.getArray(4).getArray())));
        }
      }
    }
    return fks;
  }

  private static Integer[] toIntegers(Object array) {
    Object[] values = (Object[]) array;
    Integer[] ints = new Integer[values.length];
    for (int i = 0; i < values.length; i++) {
      ints[i] = ((Number) values[i]).intValue();
    }
    return ints;
  }

  private List<Table> dependencyOrder(Map<Long, Table> tables, Map<Long, List<ForeignKey>> fks) {
    List<Table> order = new ArrayList<>();
    Set<Long> placed = new LinkedHashSet<>();
    Set<Long> visiting = new HashSet<>();
    for (Table t : tables.values()) {
      visit(t.oid(), tables, fks, placed, visiting, order);
    }
    return order;
  }

  private void visit(
      long oid,
      Map<Long, Table> tables,
      Map<Long, List<ForeignKey>> fks,
      Set<Long> placed,
      Set<Long> visiting,
      List<Table> order) {
    if (placed.contains(oid) || !visiting.add(oid) || !tables.containsKey(oid)) {
      return; // already placed, a cycle (broken here), or a table verify does not seed
    }
    for (ForeignKey fk : fks.getOrDefault(oid, List.of())) {
      if (fk.parentOid() != oid) {
        visit(fk.parentOid(), tables, fks, placed, visiting, order);
      }
    }
    placed.add(oid);
    order.add(tables.get(oid));
  }

  private List<SeedColumn> columns(long table) throws SQLException {
    String sql =
        """
        SELECT a.attnum, a.attname, format_type(a.atttypid, a.atttypmod),
               COALESCE(base.typname, t.typname), t.typtype,
               COALESCE(base.typcategory, t.typcategory),
               CASE WHEN COALESCE(base.typname, t.typname) IN ('varchar', 'bpchar')
                    THEN a.atttypmod - 4
                    WHEN COALESCE(base.typname, t.typname) IN ('bit', 'varbit') THEN a.atttypmod
                    ELSE -1 END,
               CASE WHEN COALESCE(base.typname, t.typname) = 'numeric' AND a.atttypmod > 0
                    THEN ((a.atttypmod - 4) >> 16) & 65535 ELSE -1 END,
               CASE WHEN COALESCE(base.typname, t.typname) = 'numeric' AND a.atttypmod > 0
                    THEN (a.atttypmod - 4) & 65535 ELSE 0 END,
               a.attnotnull, a.atthasdef,
               a.attidentity <> '' OR a.attgenerated <> ''
                 OR COALESCE(pg_get_expr(d.adbin, d.adrelid) LIKE 'nextval(%', false),
               EXISTS (SELECT 1 FROM pg_index i
                        WHERE i.indrelid = a.attrelid AND i.indisunique
                          AND a.attnum = ANY (i.indkey::int2[]))
          FROM pg_attribute a
          JOIN pg_type t ON t.oid = a.atttypid
          LEFT JOIN pg_type base ON t.typtype = 'd' AND base.oid = t.typbasetype
          LEFT JOIN pg_attrdef d ON d.adrelid = a.attrelid AND d.adnum = a.attnum
         WHERE a.attrelid = ? AND a.attnum > 0 AND NOT a.attisdropped
         ORDER BY a.attnum
        """;
    List<SeedColumn> columns = new ArrayList<>();
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          columns.add(
              new SeedColumn(
                  rs.getInt(1),
                  rs.getString(2),
                  rs.getString(3),
                  rs.getString(4),
                  rs.getString(5).charAt(0),
                  rs.getString(6).charAt(0),
                  rs.getInt(7),
                  rs.getInt(8),
                  rs.getInt(9),
                  rs.getBoolean(10),
                  rs.getBoolean(11),
                  rs.getBoolean(12),
                  rs.getBoolean(13)));
        }
      }
    }
    return columns;
  }

  private List<Check> checks(long table) throws SQLException {
    List<Check> checks = new ArrayList<>();
    String sql =
        "SELECT conkey, pg_get_expr(conbin, conrelid) FROM pg_constraint"
            + " WHERE contype = 'c' AND conrelid = ?";
    try (PreparedStatement ps = connection.prepareStatement(sql)) {
      ps.setLong(1, table);
      try (ResultSet rs = ps.executeQuery()) {
        while (rs.next()) {
          List<Integer> cols = List.of(toIntegers(rs.getArray(1).getArray()));
          String expression = rs.getString(2);
          Matcher in = IN_LIST.matcher(expression);
          String inList = cols.size() == 1 && in.find() ? in.group(1) : null;
          checks.add(new Check(cols, expression, inList));
        }
      }
    }
    return checks;
  }

  private String insertStatement(
      Table table, Map<Long, Table> tables, List<ForeignKey> fks, Set<Long> seeded)
      throws SQLException {
    List<SeedColumn> columns = columns(table.oid());
    List<Check> checks = checks(table.oid());
    Map<Integer, String> values = new LinkedHashMap<>();
    StringBuilder joins = new StringBuilder();
    int join = 0;
    for (ForeignKey fk : fks) {
      boolean usable = fk.parentOid() != table.oid() && seeded.contains(fk.parentOid());
      if (!usable) {
        continue; // its columns get NULL when nullable, generated values otherwise
      }
      String alias = "gl_fk" + join++;
      Table parent = tables.get(fk.parentOid());
      StringBuilder parentColumns = new StringBuilder();
      for (int i = 0; i < fk.columns().size(); i++) {
        String column = fk.parentColumns().get(i);
        parentColumns.append(", ").append(quote(column)).append(" AS c").append(i);
        values.putIfAbsent(fk.columns().get(i), alias + ".c" + i);
      }
      joins
          .append(" LEFT JOIN (SELECT row_number() OVER () AS gl_rn")
          .append(parentColumns)
          .append(" FROM ")
          .append(parent.qualified())
          .append(") ")
          .append(alias)
          .append(" ON ")
          .append(alias)
          .append(".gl_rn = 1 + ((g - 1) % (SELECT greatest(count(*), 1) FROM ")
          .append(parent.qualified())
          .append("))");
    }
    Set<Integer> unusableFkColumns = new HashSet<>();
    for (ForeignKey fk : fks) {
      for (Integer col : fk.columns()) {
        if (!values.containsKey(col)) {
          unusableFkColumns.add(col);
        }
      }
    }
    Map<Integer, String> inLists = new HashMap<>();
    for (Check check : checks) {
      if (check.inList() != null) {
        inLists.put(check.columns().get(0), check.inList());
      }
    }
    List<String> names = new ArrayList<>();
    List<String> expressions = new ArrayList<>();
    Set<Integer> included = new HashSet<>();
    for (SeedColumn c : columns) {
      String value = values.get(c.number());
      if (value == null && c.generatedByServer()) {
        continue;
      }
      if (value == null
          && c.hasDefault()
          && !c.unique()
          && !unusableFkColumns.contains(c.number())) {
        continue; // the default is the likeliest value of real rows (and satisfies new CHECKs)
      }
      if (value == null && unusableFkColumns.contains(c.number())) {
        if (!c.notNull()) {
          value = "NULL";
        } else if (c.hasDefault()) {
          continue;
        }
      }
      if (value == null && inLists.containsKey(c.number())) {
        String list = inLists.get(c.number());
        value = "(" + list + ")[1 + ((g - 1) % cardinality(" + list + "))::int]";
      }
      if (value == null) {
        value = ValueExpressions.forColumn(c, table.qualified());
      }
      if (value == null) {
        if (c.hasDefault()) {
          continue;
        }
        value = "NULL";
      }
      names.add(quote(c.name()));
      expressions.add("(" + value + ")::" + c.type() + " AS " + quote(c.name()));
      included.add(c.number());
    }
    StringBuilder filter = new StringBuilder();
    for (Check check : checks) {
      if (check.inList() == null && included.containsAll(check.columns())) {
        filter.append(filter.length() == 0 ? " WHERE " : " AND ");
        filter.append("(").append(check.expression()).append(") IS NOT FALSE");
      }
    }
    if (names.isEmpty()) {
      return "INSERT INTO "
          + table.qualified()
          + " SELECT FROM generate_series(1, "
          + rows
          + ") g"; // a table without insertable columns still gets rows
    }
    String columnList = String.join(", ", names);
    return "INSERT INTO "
        + table.qualified()
        + " ("
        + columnList
        + ") SELECT "
        + columnList
        + " FROM (SELECT "
        + String.join(", ", expressions)
        + " FROM generate_series(1, "
        + rows
        + ") g"
        + joins
        + ") gl_rows"
        + filter;
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String firstLine(String message) {
    if (message == null) {
      return "unknown error";
    }
    int nl = message.indexOf('\n');
    return nl < 0 ? message : message.substring(0, nl);
  }
}
