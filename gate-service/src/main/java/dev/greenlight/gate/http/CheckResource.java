package dev.greenlight.gate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.decision.Decision;
import dev.greenlight.gate.evaluation.Evaluation;
import io.javalin.http.Context;
import java.time.Duration;
import java.time.Instant;

/**
 * {@code GET/POST /v1/apps/{app}/envs/{env}/check}: the decision as a status (200 allow, 409 deny,
 * 503 pending with Retry-After). POST takes Flagger's webhook body; its {@code metadata} may name
 * {@code release} and {@code slot} for clients that cannot add query parameters.
 */
final class CheckResource {
  private final DecisionResource decisions;
  private final Access access;

  CheckResource(DecisionResource decisions, Access access) {
    this.decisions = decisions;
    this.access = access;
  }

  void register(Routes routes) {
    routes.get("/v1/apps/{app}/envs/{env}/check", ctx -> check(ctx, null));
    routes.post("/v1/apps/{app}/envs/{env}/check", this::post);
  }

  private void post(Context ctx) {
    Principal who = access.openRead(ctx);
    byte[] body = Exchange.body(ctx, Exchange.SMALL_BODY);
    String release = null;
    if (body.length > 0) {
      JsonNode root = Fields.object(Json.parse(body), "");
      Fields.optionalText(root, "", "name");
      Fields.optionalText(root, "", "namespace");
      Fields.optionalText(root, "", "phase");
      Fields.optionalText(root, "", "checksum");
      JsonNode metadata = Fields.optionalObject(root, "", "metadata");
      if (metadata != null) {
        release = Fields.optionalText(metadata, "metadata", "release").orElse(null);
        if (release != null && !dev.greenlight.gate.config.Names.valid(release)) {
          throw ApiError.badRequest("'metadata.release' is not a valid name", "metadata.release");
        }
      }
    }
    respond(ctx, who, release);
  }

  private void check(Context ctx, String bodyRelease) {
    respond(ctx, access.openRead(ctx), bodyRelease);
  }

  private void respond(Context ctx, Principal who, String bodyRelease) {
    String release = Exchange.optionalName(ctx, "release");
    Evaluation e = decisions.evaluate(ctx, who, release != null ? release : bodyRelease);
    Decision d = e.decision();
    int status =
        switch (d.verdict()) {
          case ALLOW -> 200;
          case DENY -> 409;
          case PENDING -> 503;
        };
    if (status == 503) {
      ctx.header("Retry-After", Long.toString(retryAfterSeconds(d)));
    }
    Exchange.json(ctx, status, e.rendered(Views::decisionBytes));
  }

  /** Soon enough to see new evidence, never later than the decision stays valid. */
  static long retryAfterSeconds(Decision d) {
    long untilInvalid = Duration.between(Instant.now(), d.validUntil()).toSeconds();
    return Math.max(1, Math.min(10, untilInvalid));
  }
}
