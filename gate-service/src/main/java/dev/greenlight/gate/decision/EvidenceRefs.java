package dev.greenlight.gate.decision;

import java.util.List;

/** Which evidence a decision used: report digests and instance ids. */
public record EvidenceRefs(
    String lint, String verify, List<String> agents, List<String> liveSlotAgents) {

  public EvidenceRefs {
    agents = List.copyOf(agents);
    liveSlotAgents = List.copyOf(liveSlotAgents);
  }
}
