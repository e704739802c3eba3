package dev.greenlight.gate.decision;

/** One finding of a lint or verify report, reduced to what a decision needs. */
public record Finding(
    String rule,
    Severity severity,
    String category,
    String message,
    String path,
    int line,
    boolean suppressed) {}
