package dev.greenlight.linter.rules.spi;

/**
 * One catalogue rule. Each implementation is one small class that declares its identity in a {@code
 * public static final RuleDescriptor DESCRIPTOR} and is listed in {@code RuleRegistry}. Rules are
 * stateless and thread-safe: the analyzer may run files in parallel.
 */
public interface Rule {

  /** The rule's identity: id, summary, default severity, category. */
  RuleDescriptor descriptor();
}
