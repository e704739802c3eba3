package dev.greenlight.linter.verify.apply;

import java.util.List;

/**
 * Every statement that ran, in order.
 *
 * @param stoppedAtFailure true when a statement failed and later ones were not applied
 */
public record ApplyResult(List<AppliedStatement> statements, boolean stoppedAtFailure) {
  public ApplyResult {
    statements = List.copyOf(statements);
  }
}
