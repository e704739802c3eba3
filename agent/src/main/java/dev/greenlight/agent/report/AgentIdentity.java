package dev.greenlight.agent.report;

/** Who is reporting: the configured names and the instance id. */
public final class AgentIdentity {
  final String app;
  final String environment;
  final String slot;
  final String release;
  final String instanceId;

  public AgentIdentity(
      String app, String environment, String slot, String release, String instanceId) {
    this.app = app;
    this.environment = environment;
    this.slot = slot;
    this.release = release;
    this.instanceId = instanceId;
  }
}
