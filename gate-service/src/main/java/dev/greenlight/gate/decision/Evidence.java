package dev.greenlight.gate.decision;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything stored about one app/env that a decision may use.
 *
 * @param liveSlot the slot the router points at now
 * @param agents the latest report of every instance of the app/env, fresh or not
 * @param reports lint and verify reports of the releases in question, by {@link #key}
 * @param waivers overrides for this app/env (expired ones may be present; the engine skips them)
 */
public record Evidence(
    Slot liveSlot,
    List<AgentObservation> agents,
    Map<String, MigrationReport> reports,
    List<Waiver> waivers) {

  public Evidence {
    agents = List.copyOf(agents);
    reports = Map.copyOf(reports);
    waivers = List.copyOf(waivers);
  }

  public static String key(EvidenceKind kind, String release) {
    return kind.wire() + ":" + release;
  }

  public Optional<MigrationReport> report(EvidenceKind kind, String release) {
    return Optional.ofNullable(reports.get(key(kind, release)));
  }
}
