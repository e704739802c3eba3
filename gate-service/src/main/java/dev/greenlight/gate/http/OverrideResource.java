package dev.greenlight.gate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.decision.ReasonCode;
import dev.greenlight.gate.decision.Waiver;
import dev.greenlight.gate.store.GateStore;
import io.javalin.http.Context;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** {@code POST /v1/apps/{app}/envs/{env}/overrides {release, waives, reason, expiresAt}}. */
final class OverrideResource {
  /** Overrides are for incidents, not for policy: they may last a week at most. */
  static final Duration MAX_LIFETIME = Duration.ofDays(7);

  private final GateStore store;
  private final Access access;
  private final Clock clock;

  OverrideResource(GateStore store, Access access, Clock clock) {
    this.store = store;
    this.access = access;
    this.clock = clock;
  }

  void register(Routes routes) {
    routes.post("/v1/apps/{app}/envs/{env}/overrides", this::post);
  }

  private void post(Context ctx) {
    Principal who = access.write(ctx, Role.APPROVER);
    String app = Exchange.name(ctx, "app");
    String env = Exchange.name(ctx, "env");
    JsonNode body = Fields.object(Json.parse(Exchange.body(ctx, Exchange.SMALL_BODY)), "");
    String release = Fields.requiredName(body, "", "release");
    JsonNode waives = Fields.optionalArray(body, "", "waives");
    if (waives == null || waives.isEmpty()) {
      throw ApiError.badRequest("'waives' must list at least one reason code", "waives");
    }
    Set<ReasonCode> codes = EnumSet.noneOf(ReasonCode.class);
    String known = String.join(", ", Arrays.stream(ReasonCode.values()).map(Enum::name).toList());
    for (int i = 0; i < waives.size(); i++) {
      JsonNode c = waives.get(i);
      String field = "waives[" + i + "]";
      if (!c.isTextual()) {
        throw ApiError.badRequest("'" + field + "' must be a reason code string", field);
      }
      codes.add(
          ReasonCode.parse(c.textValue())
              .orElseThrow(
                  () ->
                      ApiError.badRequest(
                          "'"
                              + field
                              + "' is not a reason code: '"
                              + c.textValue()
                              + "' (one of: "
                              + known
                              + ")",
                          field)));
    }
    String reason = Fields.requiredText(body, "", "reason");
    if (reason.isBlank()) {
      throw ApiError.badRequest("'reason' is mandatory: say why the check may be waived", "reason");
    }
    Instant expiresAt = Fields.requiredInstant(body, "", "expiresAt");
    Instant now = clock.instant();
    if (!expiresAt.isAfter(now)) {
      throw ApiError.badRequest("'expiresAt' is in the past", "expiresAt");
    }
    if (expiresAt.isAfter(now.plus(MAX_LIFETIME))) {
      throw ApiError.badRequest("'expiresAt' may be at most 7 days ahead", "expiresAt");
    }
    Waiver stored =
        store.addWaiver(
            app,
            env,
            new Waiver(0, release, codes, reason, expiresAt, who.name(), now),
            who.name());
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("id", stored.citation());
    m.put("app", app);
    m.put("environment", env);
    m.put("release", stored.release());
    m.put(
        "waives",
        List.copyOf(new java.util.TreeSet<>(stored.waives().stream().map(Enum::name).toList())));
    m.put("reason", stored.reason());
    m.put("expiresAt", stored.expiresAt().toString());
    m.put("approver", stored.approver());
    Exchange.json(ctx, 201, m);
  }
}
