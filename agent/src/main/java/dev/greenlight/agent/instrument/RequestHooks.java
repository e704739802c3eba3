package dev.greenlight.agent.instrument;

import dev.greenlight.agent.session.ServerIdentity;
import dev.greenlight.agent.warmup.RequestLatency;

/** What the servlet advice hands a finished request to: two counter increments, mostly. */
public final class RequestHooks {
  private RequestHooks() {}

  public static void serviced(long startNanos, Object request) throws Exception {
    RequestLatency.record(System.nanoTime() - startNanos);
    ServerIdentity.observe(request);
  }
}
