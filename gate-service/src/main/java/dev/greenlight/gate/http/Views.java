package dev.greenlight.gate.http;

import dev.greenlight.gate.audit.AuditEvent;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.decision.Reason;
import dev.greenlight.gate.router.GateStatus;
import dev.greenlight.gate.store.LiveState;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The wire shapes of architecture.md, built explicitly so field names never drift. */
final class Views {
  private Views() {}

  static Map<String, Object> decision(Decision d) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("decisionId", d.decisionId());
    m.put("app", d.app());
    m.put("environment", d.environment());
    m.put("release", d.release());
    m.put("slot", d.slot().wire());
    m.put("verdict", d.verdict().wire());
    m.put("allowed", d.allowed());
    List<Map<String, Object>> reasons = new ArrayList<>();
    for (Reason r : d.reasons()) {
      Map<String, Object> rm = new LinkedHashMap<>();
      rm.put("code", r.code().name());
      rm.put("verdict", r.verdict().wire());
      rm.put("message", r.message());
      rm.put("evidence", r.evidence());
      if (r.waived()) {
        rm.put("waived", true);
        rm.put("waivedBy", r.waivedBy());
      }
      reasons.add(rm);
    }
    m.put("reasons", reasons);
    Map<String, Object> evidence = new LinkedHashMap<>();
    evidence.put("lint", d.evidence().lint());
    evidence.put("verify", d.evidence().verify());
    evidence.put("agents", d.evidence().agents());
    evidence.put("liveSlotAgents", d.evidence().liveSlotAgents());
    m.put("evidence", evidence);
    m.put("policy", d.policyDigest());
    m.put("evaluatedAt", d.evaluatedAt().toString());
    m.put("validUntil", d.validUntil().toString());
    Map<String, Object> argo = new LinkedHashMap<>();
    argo.put("verdict", d.verdict().wire());
    argo.put("reasons", d.activeCodes());
    m.put("argo", argo);
    return m;
  }

  static byte[] decisionBytes(Decision d) {
    return Json.write(decision(d));
  }

  static Map<String, Object> liveState(String app, String env, LiveState s) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("app", app);
    m.put("environment", env);
    m.put("live", s.live().wire());
    m.put("previous", s.previous() == null ? null : s.previous().wire());
    m.put("switchedAt", s.switchedAt() == null ? null : s.switchedAt().toString());
    m.put("decisionId", s.decisionId());
    m.put("release", s.release());
    m.put("revision", s.revision());
    return m;
  }

  static Map<String, Object> status(GateStatus st) {
    Map<String, Object> m = liveState(st.app(), st.environment(), st.state());
    m.put(
        "insuranceWindowEndsAt",
        st.insuranceWindowEndsAt() == null ? null : st.insuranceWindowEndsAt().toString());
    m.put("decommissionAllowed", st.decommissionAllowed());
    m.put("rollbackAdvised", st.rollbackAdvised());
    m.put("rollbackReasons", st.rollbackReasons());
    List<Map<String, Object>> instances = new ArrayList<>();
    for (GateStatus.Instance i : st.instances()) {
      Map<String, Object> im = new LinkedHashMap<>();
      im.put("instanceId", i.instanceId());
      im.put("slot", i.slot());
      im.put("release", i.release());
      im.put("state", i.state());
      im.put("reportedAt", i.reportedAt().toString());
      instances.add(im);
    }
    m.put("instances", instances);
    return m;
  }

  static Map<String, Object> audit(AuditEvent e) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("seq", e.seq());
    m.put("at", e.at().toString());
    m.put("actor", e.actor());
    m.put("kind", e.kind());
    m.put("app", e.app());
    m.put("environment", e.environment());
    m.put("release", e.release());
    m.put("subject", e.subject());
    m.put("inputDigest", e.inputDigest());
    m.put("detail", e.detail());
    m.put("previousHash", e.previousHash());
    m.put("hash", e.hash());
    return m;
  }

  static Map<String, Object> error(String error, String field) {
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("error", error);
    m.put("field", field);
    return m;
  }
}
