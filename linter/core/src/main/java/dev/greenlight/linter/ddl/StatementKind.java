package dev.greenlight.linter.ddl;

/** Every statement is classified by kind, parsed or not. */
public enum StatementKind {
  CREATE_TABLE,
  CREATE_TABLE_AS,
  ALTER_TABLE,
  DROP,
  CREATE_INDEX,
  REINDEX,
  VACUUM,
  ANALYZE,
  CLUSTER,
  TRUNCATE,
  LOCK_TABLE,
  CREATE_TYPE,
  ALTER_TYPE,
  CREATE_DOMAIN,
  ALTER_DOMAIN,
  CREATE_VIEW,
  CREATE_MATERIALIZED_VIEW,
  REFRESH_MATERIALIZED_VIEW,
  CREATE_FUNCTION,
  CREATE_PROCEDURE,
  CREATE_TRIGGER,
  CREATE_SEQUENCE,
  CREATE_EXTENSION,
  CREATE_SCHEMA,
  /** ALTER of anything but TABLE, TYPE and DOMAIN: index, view, schema, sequence, function… */
  ALTER_OBJECT,
  /** SET, SET LOCAL, SET SESSION and RESET. */
  SET,
  COMMENT,
  GRANT,
  REVOKE,
  DO,
  CALL,
  COPY,
  INSERT,
  UPDATE,
  DELETE,
  MERGE,
  SELECT,
  TRANSACTION_CONTROL,
  /** A statement of a known command the model does not describe further (CREATE POLICY…). */
  OTHER,
  /** A statement the parser could not read; see {@link Unparsed}. */
  UNPARSED
}
