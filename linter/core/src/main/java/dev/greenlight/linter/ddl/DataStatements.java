package dev.greenlight.linter.ddl;

import java.util.Locale;

/** Helpers for {@link DataStatement}. */
final class DataStatements {
  private DataStatements() {}

  /** {@code WHERE true}, {@code WHERE 1 = 1} and the like bound nothing. */
  static boolean triviallyTrue(Expression where) {
    String s = where.text().replaceAll("\\s+", "").toLowerCase(Locale.ROOT);
    while (s.startsWith("(") && s.endsWith(")")) {
      s = s.substring(1, s.length() - 1);
    }
    return s.equals("true") || s.equals("1=1") || s.equals("'t'") || s.equals("nottrue=false");
  }
}
