package dev.greenlight.linter.verify;

import dev.greenlight.linter.report.Report;
import java.time.Duration;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The result of a verify run.
 *
 * @param report findings in the same object lint reports
 * @param notes things the user should know that are not findings (tables left empty, queries that
 *     could not be judged, where a kept database lives)
 * @param elapsed wall time of the whole run, server start included
 * @param stages wall time per stage (server start, before-state, seeding, applying), in order
 */
public record VerifyOutcome(
    Report report, List<String> notes, Duration elapsed, Map<String, Duration> stages) {
  public VerifyOutcome {
    notes = List.copyOf(notes);
    stages = Collections.unmodifiableMap(new LinkedHashMap<>(stages));
  }
}
