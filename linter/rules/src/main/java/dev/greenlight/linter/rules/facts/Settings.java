package dev.greenlight.linter.rules.facts;

import dev.greenlight.linter.ddl.SetStatement;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.rules.spi.RuleContext;
import java.util.Locale;
import java.util.Optional;

/**
 * The session settings in effect when a statement runs, as far as the migration itself sets them: a
 * plain {@code SET} lasts for the rest of the file's session, a {@code SET LOCAL} until the end of
 * its transaction.
 */
public final class Settings {

  private Settings() {}

  /**
   * The value of {@code parameter} in effect for the statement under check, from SETs earlier in
   * the file (session-level) and SET LOCALs earlier in the same transaction; empty when the
   * migration does not set it (or RESETs it).
   */
  public static Optional<String> current(RuleContext context, String parameter) {
    String value = null;
    for (Statement s : context.earlierInFile()) {
      if (s instanceof SetStatement set && !set.local() && matches(set, parameter)) {
        value = set.reset() ? null : set.value();
      }
    }
    for (Statement s : context.earlierInTransaction()) {
      if (s instanceof SetStatement set && set.local() && matches(set, parameter)) {
        value = set.reset() ? null : set.value();
      }
    }
    return Optional.ofNullable(value);
  }

  /** Whether a timeout parameter is set to a positive duration ({@code 0} switches it off). */
  public static boolean timeoutSet(RuleContext context, String parameter) {
    Optional<String> value = current(context, parameter);
    if (value.isEmpty() || value.get().equalsIgnoreCase("default")) {
      return false;
    }
    return new SetStatement(false, parameter, value.get(), false, null)
        .durationMillis()
        .map(ms -> ms > 0)
        .orElse(true);
  }

  private static boolean matches(SetStatement set, String parameter) {
    String p = set.parameter().toLowerCase(Locale.ROOT);
    return p.equals(parameter) || p.equals("all") && set.reset();
  }
}
