package dev.greenlight.gate.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.greenlight.gate.auth.Principal;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.codedeploy.CodeDeployReporter;
import dev.greenlight.gate.config.Names;
import dev.greenlight.gate.decision.Slot;
import io.javalin.http.Context;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code POST /v1/apps/{app}/envs/{env}/codedeploy-hook}: a CodeDeploy lifecycle hook event
 * (forwarded by the small Lambda in docs/codedeploy-lambda.py). Answers 202 at once; the outcome
 * goes to CodeDeploy when the decision is no longer pending.
 */
final class CodeDeployHookResource {
  private final CodeDeployReporter reporter;
  private final Access access;

  CodeDeployHookResource(CodeDeployReporter reporter, Access access) {
    this.reporter = reporter;
    this.access = access;
  }

  void register(Routes routes) {
    routes.post("/v1/apps/{app}/envs/{env}/codedeploy-hook", this::post);
  }

  private void post(Context ctx) {
    Principal who = access.write(ctx, Role.DEPLOYER);
    String app = Exchange.name(ctx, "app");
    String env = Exchange.name(ctx, "env");
    JsonNode body = Fields.object(Json.parse(Exchange.body(ctx, Exchange.SMALL_BODY)), "");
    String deploymentId = either(body, "DeploymentId", "deploymentId");
    String hookId = either(body, "LifecycleEventHookExecutionId", "lifecycleEventHookExecutionId");
    if (!deploymentId.matches("[A-Za-z0-9-]{1,64}")) {
      throw ApiError.badRequest("'deploymentId' is not a CodeDeploy deployment id", "deploymentId");
    }
    if (hookId.length() > 1024 || hookId.isBlank()) {
      throw ApiError.badRequest(
          "'lifecycleEventHookExecutionId' is not a hook execution id",
          "lifecycleEventHookExecutionId");
    }
    String release = Fields.optionalText(body, "", "release").orElse(null);
    if (release != null && !Names.valid(release)) {
      throw ApiError.badRequest("'release' is not a valid name: " + Names.rule(), "release");
    }
    Slot slot = null;
    if (body.hasNonNull("slot")) {
      slot = Fields.requiredEnum(body, "", "slot", Slot::parse, "blue, green");
    }
    reporter.answer(
        new CodeDeployReporter.Hook(app, env, deploymentId, hookId, release, slot, who.name()));
    Map<String, Object> m = new LinkedHashMap<>();
    m.put("app", app);
    m.put("environment", env);
    m.put("deploymentId", deploymentId);
    m.put("lifecycleEventHookExecutionId", hookId);
    m.put("status", "accepted");
    Exchange.json(ctx, 202, m);
  }

  private static String either(JsonNode body, String aws, String camel) {
    if (body.hasNonNull(aws)) {
      return Fields.requiredText(body, "", aws);
    }
    return Fields.requiredText(body, "", camel);
  }
}
