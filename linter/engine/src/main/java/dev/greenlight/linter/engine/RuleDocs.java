package dev.greenlight.linter.engine;

import dev.greenlight.linter.engine.format.RuleDoc;
import dev.greenlight.linter.rules.RuleRegistry;
import dev.greenlight.linter.rules.spi.RuleDescriptor;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/** The rule catalogue as renderers and configuration see it. */
public final class RuleDocs {
  private RuleDocs() {}

  /** Every catalogue id. */
  public static Set<String> ruleIds() {
    return RuleRegistry.standard().descriptors().stream()
        .map(RuleDescriptor::id)
        .collect(Collectors.toUnmodifiableSet());
  }

  /** The closest known id, for "did you mean …?". */
  public static Optional<String> nearestId(String unknown) {
    return RuleRegistry.standard().nearestId(unknown);
  }

  /** A rule's description for formats that list rules (SARIF). */
  public static Optional<RuleDoc> find(String id) {
    return RuleRegistry.standard()
        .find(id)
        .map(d -> new RuleDoc(d.id(), d.summary(), d.summary(), d.defaultSeverity(), d.category()));
  }
}
