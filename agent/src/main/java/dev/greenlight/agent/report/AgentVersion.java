package dev.greenlight.agent.report;

/** The agent's version, from the jar manifest when packaged. */
public final class AgentVersion {
  public static final String VERSION = version();

  private AgentVersion() {}

  private static String version() {
    String v = AgentVersion.class.getPackage().getImplementationVersion();
    return v == null ? "dev" : v;
  }
}
