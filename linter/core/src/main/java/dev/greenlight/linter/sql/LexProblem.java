package dev.greenlight.linter.sql;

/**
 * Input the lexer could not read, such as an unterminated string.
 *
 * @param span where the problem starts
 * @param message what is wrong, e.g. "unterminated quoted string"
 */
public record LexProblem(Span span, String message) {}
