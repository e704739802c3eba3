package dev.greenlight.linter.verify.seed;

import java.util.List;
import java.util.Map;

/**
 * What seeding did.
 *
 * @param rowsByTable rows inserted per table ({@code schema.table})
 * @param warnings tables that could not be filled, with the server's reason
 */
public record SeedResult(Map<String, Long> rowsByTable, List<String> warnings) {
  public SeedResult {
    rowsByTable = Map.copyOf(rowsByTable);
    warnings = List.copyOf(warnings);
  }
}
