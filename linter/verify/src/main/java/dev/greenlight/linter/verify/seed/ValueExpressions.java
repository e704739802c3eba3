package dev.greenlight.linter.verify.seed;

/**
 * SQL expressions that give row number {@code g} (1…n) a value of a column's type: distinct per row
 * where the type allows it (so unique constraints hold), positive (so simple {@code > 0} checks
 * hold) and within declared lengths and precisions.
 */
final class ValueExpressions {
  private ValueExpressions() {}

  /** An expression over {@code g}, already cast to the column's type; null when none fits. */
  static String forColumn(SeedColumn c, String qualifiedTable) {
    String raw = raw(c);
    if (raw == null) {
      return null;
    }
    if (c.unique() && raw.equals("g")) {
      // Rows a migration inserted (reference data) may already use the first numbers.
      raw =
          "g + (SELECT coalesce(max("
              + quote(c.name())
              + "), 0) FROM "
              + qualifiedTable
              + ")::bigint";
    }
    return "(" + raw + ")::" + c.type();
  }

  private static String quote(String identifier) {
    return '"' + identifier.replace("\"", "\"\"") + '"';
  }

  private static String raw(SeedColumn c) {
    if (c.typeKind() == 'e') {
      String enumType = c.type();
      return "(enum_range(NULL::"
          + enumType
          + "))[1 + ((g - 1) % array_length(enum_range(NULL::"
          + enumType
          + "), 1))::int]";
    }
    if (c.typeCategory() == 'A') {
      return "'{}'";
    }
    switch (c.baseTypeName()) {
      case "int2":
        return "g % 32767";
      case "int4":
      case "int8":
      case "oid":
        return "g";
      case "numeric":
        if (c.precision() > 0) {
          int integerDigits = c.precision() - c.scale();
          return integerDigits <= 0 ? "0" : "g % " + pow10(Math.min(integerDigits, 18));
        }
        return "g";
      case "float4":
      case "float8":
      case "money":
        return "g::numeric";
      case "bool":
        return "g % 2 = 0";
      case "text":
      case "varchar":
      case "bpchar":
      case "name":
      case "citext":
        return c.length() > 0 ? "left('v' || g, " + c.length() + ")" : "'v' || g";
      case "date":
        return "date '2020-01-01' + (g % 3650)::int";
      case "timestamp":
        return "timestamp '2020-01-01' + g * interval '1 second'";
      case "timestamptz":
        return "timestamptz '2020-01-01 00:00:00+00' + g * interval '1 second'";
      case "time":
      case "timetz":
        return "time '00:00' + (g % 86400) * interval '1 second'";
      case "interval":
        return "g * interval '1 second'";
      case "uuid":
        return "md5(g::text)::uuid";
      case "json":
        return "json_build_object('n', g)";
      case "jsonb":
        return "jsonb_build_object('n', g)";
      case "bytea":
        return "decode(md5(g::text), 'hex')";
      case "inet":
        return "'10.0.0.0'::inet + g";
      case "cidr":
        return "set_masklen('10.0.0.0'::inet + g * 256, 24)::cidr";
      case "macaddr":
        return "('08:00:2b:00:' || lpad(to_hex((g / 256) % 256), 2, '0') || ':'"
            + " || lpad(to_hex(g % 256), 2, '0'))::macaddr";
      case "bit":
      case "varbit":
        return c.length() > 0 ? "repeat('1', " + c.length() + ")::varbit" : "B'1'";
      default:
        break;
    }
    return switch (c.typeCategory()) {
      case 'S' -> "'v' || g";
      case 'N' -> "g";
      default -> null;
    };
  }

  private static String pow10(int digits) {
    return "1" + "0".repeat(digits);
  }
}
