package dev.greenlight.linter.ddl;

/** The kinds of table constraints. */
public enum ConstraintType {
  CHECK,
  NOT_NULL,
  UNIQUE,
  PRIMARY_KEY,
  FOREIGN_KEY,
  EXCLUDE
}
