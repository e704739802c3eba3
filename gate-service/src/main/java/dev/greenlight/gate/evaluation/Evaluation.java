package dev.greenlight.gate.evaluation;

import dev.greenlight.gate.decision.Decision;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * A decision plus a slot for its rendered form, so that repeated reads of an unchanged decision
 * cost a map lookup and a write of cached bytes.
 */
public final class Evaluation {
  private final Decision decision;
  private final long evidenceVersion;
  private final AtomicReference<byte[]> rendered = new AtomicReference<>();

  Evaluation(Decision decision, long evidenceVersion) {
    this.decision = decision;
    this.evidenceVersion = evidenceVersion;
  }

  public Decision decision() {
    return decision;
  }

  long evidenceVersion() {
    return evidenceVersion;
  }

  /** The decision rendered once by {@code renderer} and reused afterwards. */
  public byte[] rendered(Function<Decision, byte[]> renderer) {
    byte[] r = rendered.get();
    if (r == null) {
      r = renderer.apply(decision);
      rendered.compareAndSet(null, r);
    }
    return r;
  }
}
