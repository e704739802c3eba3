package dev.greenlight.gate.decision;

import java.util.Locale;
import java.util.Optional;

/** The two kinds of migration evidence a release can carry. */
public enum EvidenceKind {
  LINT,
  VERIFY;

  /** {@code lint} or {@code verify}: the name in gate.yaml and in the decision's evidence. */
  public String wire() {
    return name().toLowerCase(Locale.ROOT);
  }

  public static Optional<EvidenceKind> parse(String text) {
    for (EvidenceKind k : values()) {
      if (k.wire().equals(text)) {
        return Optional.of(k);
      }
    }
    return Optional.empty();
  }
}
