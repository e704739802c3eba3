package dev.greenlight.agent.warmup;

/** One second of request latency: when (seconds on the agent's clock), how many, and the p95. */
public final class LatencyPoint {
  private final long second;
  private final long requests;
  private final double p95Ms;

  public LatencyPoint(long second, long requests, double p95Ms) {
    this.second = second;
    this.requests = requests;
    this.p95Ms = p95Ms;
  }

  public long second() {
    return second;
  }

  public long requests() {
    return requests;
  }

  public double p95Ms() {
    return p95Ms;
  }
}
