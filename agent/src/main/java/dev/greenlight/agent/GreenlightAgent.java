package dev.greenlight.agent;

import dev.greenlight.agent.runtime.AgentRuntime;
import java.lang.instrument.Instrumentation;

/**
 * The {@code -javaagent} entry point. It only hands over to the runtime and swallows everything:
 * whatever happens here, the application starts.
 */
public final class GreenlightAgent {
  private GreenlightAgent() {}

  public static void premain(String args, Instrumentation inst) {
    start(args, inst, false);
  }

  /** Attached to a running JVM: classes loaded before the attach are retransformed. */
  public static void agentmain(String args, Instrumentation inst) {
    start(args, inst, true);
  }

  private static void start(String args, Instrumentation inst, boolean lateAttach) {
    try {
      AgentRuntime.start(args, inst, lateAttach);
    } catch (Throwable t) {
      try {
        System.err.println("[greenlight-agent] failed to start (" + t + "); agent is off");
      } catch (Throwable ignored) {
        // nothing left to tell anyone with
      }
    }
  }
}
