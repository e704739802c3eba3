package dev.greenlight.linter.ddl;

/**
 * How an expression behaves across rows, as far as the linter can tell without a catalog. This
 * decides, for instance, whether {@code ADD COLUMN ... DEFAULT expr} rewrites the table (PG11+
 * stores a non-volatile default once; a volatile one is evaluated per existing row).
 */
public enum Volatility {
  /**
   * Constant for the statement: literals, casts of literals, {@code ARRAY[...]} of those, {@code
   * now()}, {@code CURRENT_TIMESTAMP} and the other stable or immutable built-ins.
   */
  NON_VOLATILE,
  /** Calls a volatile function: {@code random()}, {@code clock_timestamp()}, {@code nextval}… */
  VOLATILE,
  /** Calls a function the linter does not know (possibly user-defined, possibly volatile). */
  UNKNOWN
}
