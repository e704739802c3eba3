package dev.greenlight.linter.ddl;

/** The kinds of database objects that DROP, ALTER, COMMENT ON and GRANT name. */
public enum ObjectKind {
  TABLE,
  FOREIGN_TABLE,
  VIEW,
  MATERIALIZED_VIEW,
  INDEX,
  SEQUENCE,
  TYPE,
  DOMAIN,
  FUNCTION,
  PROCEDURE,
  ROUTINE,
  AGGREGATE,
  TRIGGER,
  EVENT_TRIGGER,
  SCHEMA,
  DATABASE,
  EXTENSION,
  COLUMN,
  CONSTRAINT,
  POLICY,
  RULE,
  ROLE,
  USER,
  GROUP,
  TABLESPACE,
  SERVER,
  PUBLICATION,
  SUBSCRIPTION,
  COLLATION,
  CONVERSION,
  OPERATOR,
  CAST,
  STATISTICS,
  LANGUAGE,
  TEXT_SEARCH,
  ACCESS_METHOD,
  FOREIGN_DATA_WRAPPER,
  USER_MAPPING,
  TRANSFORM,
  OWNED,
  LARGE_OBJECT,
  OTHER;

  /** Lower-case words as SQL spells the kind, e.g. {@code materialized view}. */
  public String sql() {
    return name().toLowerCase(java.util.Locale.ROOT).replace('_', ' ');
  }
}
