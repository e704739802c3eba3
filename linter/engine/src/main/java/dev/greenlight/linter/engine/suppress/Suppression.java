package dev.greenlight.linter.engine.suppress;

import java.util.List;

/**
 * One {@code -- greenlight:ignore} or {@code -- greenlight:ignore-file} comment.
 *
 * @param wholeFile true for {@code ignore-file}
 * @param ruleIds the rule ids it names, in order
 * @param reason the text after {@code reason:}, empty when absent
 * @param comment where the comment is
 * @param target the statement it applies to (null for {@code ignore-file}, or when no statement
 *     follows)
 */
public record Suppression(
    boolean wholeFile, List<String> ruleIds, String reason, Region comment, Region target) {

  public Suppression {
    ruleIds = List.copyOf(ruleIds);
  }

  /** Whether this suppression covers a finding of {@code ruleId} at {@code line:column}. */
  public boolean covers(String ruleId, int line, int column) {
    if (!ruleIds.contains(ruleId)) {
      return false;
    }
    return wholeFile || (target != null && target.contains(line, column));
  }
}
