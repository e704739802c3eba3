package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.report.Category;
import dev.greenlight.linter.report.Severity;

/**
 * What a format may say about a rule beyond its findings (SARIF lists rules with their help).
 *
 * @param summary one line, without a trailing period
 * @param help the safe alternative
 */
public record RuleDoc(
    String id, String summary, String help, Severity defaultSeverity, Category category) {}
