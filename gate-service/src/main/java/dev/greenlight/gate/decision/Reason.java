package dev.greenlight.gate.decision;

/**
 * One reason of a decision.
 *
 * @param evidence what the reason rests on, e.g. {@code lint-report:1.4.2#sha256:…} or an instance
 * @param waivedBy the override that waives it ({@code o-<id>}), or null
 */
public record Reason(ReasonCode code, String message, String evidence, String waivedBy) {

  public Verdict verdict() {
    return code.verdict();
  }

  public boolean waived() {
    return waivedBy != null;
  }

  Reason waive(String override) {
    return new Reason(code, message, evidence, override);
  }
}
