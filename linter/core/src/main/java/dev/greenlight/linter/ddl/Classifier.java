package dev.greenlight.linter.ddl;

import dev.greenlight.linter.sql.Tokens;
import java.util.Locale;
import java.util.Set;

/** Classifies statements by their leading words, for statements the model does not describe. */
final class Classifier {
  private Classifier() {}

  /** Words that may continue a command name after its first word (CREATE POLICY, ALTER SYSTEM). */
  static final Set<String> COMMAND_WORDS =
      Set.of(
          "TABLE",
          "INDEX",
          "UNIQUE",
          "VIEW",
          "MATERIALIZED",
          "TYPE",
          "DOMAIN",
          "FUNCTION",
          "PROCEDURE",
          "TRIGGER",
          "SEQUENCE",
          "EXTENSION",
          "SCHEMA",
          "POLICY",
          "RULE",
          "ROLE",
          "USER",
          "GROUP",
          "DATABASE",
          "TABLESPACE",
          "SYSTEM",
          "SERVER",
          "PUBLICATION",
          "SUBSCRIPTION",
          "COLLATION",
          "CONVERSION",
          "OPERATOR",
          "CAST",
          "STATISTICS",
          "LANGUAGE",
          "AGGREGATE",
          "EVENT",
          "FOREIGN",
          "DEFAULT",
          "PRIVILEGES",
          "TEXT",
          "SEARCH",
          "ACCESS",
          "METHOD",
          "TRANSFORM",
          "OWNED",
          "OR",
          "REPLACE",
          "TEMP",
          "TEMPORARY",
          "UNLOGGED",
          "CONSTRAINT",
          "RECURSIVE",
          "ROUTINE",
          "LARGE",
          "OBJECT",
          "MAPPING",
          "DATA",
          "WRAPPER",
          "LABEL",
          "ON",
          "INTO",
          "FROM",
          "TRANSACTION",
          "CONCURRENTLY",
          "ALL",
          "PROCEDURAL",
          "TRUSTED",
          "CONFIGURATION",
          "DICTIONARY",
          "PARSER",
          "TEMPLATE",
          "CLASS",
          "FAMILY",
          "LOCAL",
          "SESSION",
          "PREPARED");

  private static final Set<String> KNOWN_FIRST_WORDS =
      Set.of(
          "create",
          "alter",
          "drop",
          "explain",
          "notify",
          "listen",
          "unlisten",
          "checkpoint",
          "discard",
          "prepare",
          "execute",
          "deallocate",
          "fetch",
          "move",
          "close",
          "declare",
          "load",
          "import",
          "security",
          "reassign",
          "show",
          "values",
          "table",
          "abort");

  /** Tokens after FROM/JOIN that are not table names. */
  static final Set<String> RESERVED_AFTER_FROM =
      Set.of(
          "select",
          "lateral",
          "where",
          "on",
          "using",
          "join",
          "left",
          "right",
          "inner",
          "outer",
          "cross",
          "natural",
          "full",
          "group",
          "order",
          "limit",
          "union",
          "except",
          "intersect",
          "having",
          "window",
          "offset",
          "fetch",
          "for",
          "unnest",
          "generate_series",
          "rows");

  static boolean isKnownCommand(Tokens t, int first, int last) {
    return KNOWN_FIRST_WORDS.contains(t.text(first).toLowerCase(Locale.ROOT));
  }

  static boolean requiresNoTransaction(Tokens t, int first, int last) {
    if (t.isWord(first, "create") || t.isWord(first, "drop")) {
      return t.isWord(first + 1, "database")
          || t.isWord(first + 1, "tablespace")
          || t.isWord(first + 1, "subscription");
    }
    if (t.isWord(first, "alter") && t.isWord(first + 1, "system")) {
      return true;
    }
    return t.isWord(first, "discard") && t.isWord(first + 1, "all");
  }

  /** The kind the leading words suggest (for statements the parser could not read). */
  static StatementKind classify(Tokens t, int first, int last) {
    String w = t.text(first).toLowerCase(Locale.ROOT);
    switch (w) {
      case "create":
        {
          int i = first + 1;
          if (t.isWord(i, "or") && t.isWord(i + 1, "replace")) {
            i += 2;
          }
          while (t.isWord(i, "temp")
              || t.isWord(i, "temporary")
              || t.isWord(i, "unlogged")
              || t.isWord(i, "global")
              || t.isWord(i, "local")
              || t.isWord(i, "unique")
              || t.isWord(i, "recursive")
              || t.isWord(i, "constraint")) {
            i++;
          }
          if (t.isWord(i, "table")) {
            return StatementKind.CREATE_TABLE;
          }
          if (t.isWord(i, "index")) {
            return StatementKind.CREATE_INDEX;
          }
          if (t.isWord(i, "view")) {
            return StatementKind.CREATE_VIEW;
          }
          if (t.isWord(i, "materialized")) {
            return StatementKind.CREATE_MATERIALIZED_VIEW;
          }
          if (t.isWord(i, "type")) {
            return StatementKind.CREATE_TYPE;
          }
          if (t.isWord(i, "domain")) {
            return StatementKind.CREATE_DOMAIN;
          }
          if (t.isWord(i, "function")) {
            return StatementKind.CREATE_FUNCTION;
          }
          if (t.isWord(i, "procedure")) {
            return StatementKind.CREATE_PROCEDURE;
          }
          if (t.isWord(i, "trigger")) {
            return StatementKind.CREATE_TRIGGER;
          }
          if (t.isWord(i, "sequence")) {
            return StatementKind.CREATE_SEQUENCE;
          }
          if (t.isWord(i, "extension")) {
            return StatementKind.CREATE_EXTENSION;
          }
          if (t.isWord(i, "schema")) {
            return StatementKind.CREATE_SCHEMA;
          }
          return StatementKind.OTHER;
        }
      case "alter":
        if (t.isWord(first + 1, "table")
            || (t.isWord(first + 1, "foreign") && t.isWord(first + 2, "table"))) {
          return StatementKind.ALTER_TABLE;
        }
        if (t.isWord(first + 1, "type")) {
          return StatementKind.ALTER_TYPE;
        }
        if (t.isWord(first + 1, "domain")) {
          return StatementKind.ALTER_DOMAIN;
        }
        return StatementKind.ALTER_OBJECT;
      case "drop":
        return StatementKind.DROP;
      case "reindex":
        return StatementKind.REINDEX;
      case "vacuum":
        return StatementKind.VACUUM;
      case "analyze":
      case "analyse":
        return StatementKind.ANALYZE;
      case "cluster":
        return StatementKind.CLUSTER;
      case "truncate":
        return StatementKind.TRUNCATE;
      case "lock":
        return StatementKind.LOCK_TABLE;
      case "refresh":
        return StatementKind.REFRESH_MATERIALIZED_VIEW;
      case "set":
      case "reset":
        return StatementKind.SET;
      case "comment":
        return StatementKind.COMMENT;
      case "grant":
        return StatementKind.GRANT;
      case "revoke":
        return StatementKind.REVOKE;
      case "do":
        return StatementKind.DO;
      case "call":
        return StatementKind.CALL;
      case "copy":
        return StatementKind.COPY;
      case "insert":
        return StatementKind.INSERT;
      case "update":
        return StatementKind.UPDATE;
      case "delete":
        return StatementKind.DELETE;
      case "merge":
        return StatementKind.MERGE;
      case "select":
      case "with":
      case "values":
        return StatementKind.SELECT;
      case "begin":
      case "start":
      case "commit":
      case "end":
      case "rollback":
      case "abort":
      case "savepoint":
      case "release":
        return StatementKind.TRANSACTION_CONTROL;
      default:
        return StatementKind.OTHER;
    }
  }
}
