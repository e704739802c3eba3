package dev.greenlight.gate.config;

import java.net.URI;
import java.time.Duration;

/**
 * Where the gate reports CodeDeploy lifecycle hook outcomes.
 *
 * @param endpoint the CodeDeploy API endpoint (configurable so tests and VPC endpoints work)
 * @param maxWait how long a pending decision is re-evaluated before the hook is failed
 */
public record CodeDeploySettings(
    URI endpoint, String region, Duration maxWait, Duration pollInterval) {

  public static CodeDeploySettings fromEnvironment() {
    String region = System.getenv().getOrDefault("AWS_REGION", "us-east-1");
    return new CodeDeploySettings(
        URI.create("https://codedeploy." + region + ".amazonaws.com/"),
        region,
        Duration.ofMinutes(10),
        Duration.ofSeconds(5));
  }
}
