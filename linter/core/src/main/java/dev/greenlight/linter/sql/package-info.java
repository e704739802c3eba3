/** PostgreSQL lexer, statement splitter and source positions: the bytes-to-tokens layer. */
package dev.greenlight.linter.sql;
