package dev.greenlight.agent.runtime;

import dev.greenlight.agent.config.AgentConfig;
import dev.greenlight.agent.config.ConfigKey;
import dev.greenlight.agent.config.InvalidConfigException;
import dev.greenlight.agent.http.AgentEndpoint;
import dev.greenlight.agent.instrument.ClassTargets;
import dev.greenlight.agent.instrument.HookTransformer;
import dev.greenlight.agent.instrument.TransformErrors;
import dev.greenlight.agent.push.GatePusher;
import dev.greenlight.agent.report.AgentIdentity;
import dev.greenlight.agent.report.AgentState;
import dev.greenlight.agent.session.ServerIdentity;
import dev.greenlight.agent.session.SessionMonitor;
import dev.greenlight.agent.sql.SqlCapture;
import dev.greenlight.agent.warmup.RequestLatency;
import dev.greenlight.agent.warmup.WarmupMonitor;
import dev.greenlight.agent.warmup.WarmupThresholds;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.nio.file.Path;

/**
 * Starts the agent. In premain: validates the configuration (or switches the agent off with one
 * line), registers the load-time {@link HookTransformer} and starts the background thread — nothing
 * else, so the host's start-up pays only for parsing the options and for the few classes the hooks
 * touch. The background thread then waits until the host has answered its first request (plus a
 * grace second) or {@code start-delay} seconds have passed, whichever comes first, and only then
 * starts the endpoint, the JVM signal sampling (MXBeans), the pusher and the shutdown report. The
 * hooks measure requests and register session stores and SQL from the first class load on; the
 * deferred parts only read what they gathered.
 */
public final class AgentRuntime implements Runnable {
  private static final String PREFIX = "[greenlight-agent] ";
  private static final long FIRST_REQUEST_GRACE_MS = 1000;
  private static final long POLL_MS = 100;

  private final AgentConfig config;
  private final PrintStream err;
  private final long startNanos = System.nanoTime();
  private final ClassTargets targets;
  private final TransformErrors errors;
  private final Instrumentation attachedTo;

  private AgentRuntime(
      AgentConfig config,
      PrintStream err,
      ClassTargets targets,
      TransformErrors errors,
      Instrumentation attachedTo) {
    this.config = config;
    this.err = err;
    this.targets = targets;
    this.errors = errors;
    this.attachedTo = attachedTo;
  }

  /** Entry from the bootstrap class; every failure ends here as one stderr line. */
  public static void start(String args, Instrumentation inst, boolean lateAttach) {
    PrintStream err = System.err;
    AgentConfig config;
    try {
      config = AgentConfig.load(args);
    } catch (InvalidConfigException e) {
      err.println(
          PREFIX
              + "invalid configuration: "
              + e.getMessage()
              + ". The agent is off; the application starts normally.");
      return;
    }
    if (!config.enabled()) {
      err.println(PREFIX + "disabled by configuration (enabled=false)");
      return;
    }
    SqlCapture.Bounds.set(
        config.getInt(ConfigKey.SQL_MAX),
        config.getInt(ConfigKey.SQL_MAX_LENGTH),
        config.getInt(ConfigKey.SQL_MAX_CHARS));
    ClassTargets targets =
        new ClassTargets(ClassTargets.driverPackages(config.extraDriverPackages()));
    TransformErrors errors = new TransformErrors(err);
    Instrumentation attachedTo = null;
    if (inst != null) {
      if (lateAttach) {
        attachedTo = inst;
      } else {
        // Not retransformation-capable: the JVM keeps its output for later retransformations by
        // other agents, and it may add a method (the servlet wrapper).
        inst.addTransformer(new HookTransformer(targets, errors), false);
      }
    }
    AgentRuntime runtime = new AgentRuntime(config, err, targets, errors, attachedTo);
    Thread background = new Thread(runtime, "greenlight-agent");
    background.setDaemon(true);
    background.setPriority(Thread.MIN_PRIORITY + 1);
    background.start();
  }

  @Override
  public void run() {
    try {
      if (attachedTo != null) {
        LateAttach.install(attachedTo, targets, errors, err);
      } else {
        awaitHostStarted();
      }
      ServerIdentity.startObserving();
      SessionMonitor sessions = new SessionMonitor(config.getInt(ConfigKey.SESSION_SAMPLE));
      AgentState state =
          new AgentState(
              new AgentIdentity(
                  config.app(), config.env(), config.slot(), config.release(), config.instance()),
              sessions);
      startEndpoint(state);
      String record = config.get(ConfigKey.WARMUP_RECORD);
      WarmupMonitor warmup =
          new WarmupMonitor(
              WarmupThresholds.from(config), startNanos, record == null ? null : Path.of(record));
      state.warmupMonitor(warmup);
      startPusher(state);
      int scanEvery = config.getInt(ConfigKey.SESSION_SCAN_INTERVAL);
      long tick = 0;
      long next = System.nanoTime();
      while (true) {
        next += 1_000_000_000L;
        long sleep = (next - System.nanoTime()) / 1_000_000L;
        if (sleep > 0) {
          Thread.sleep(sleep);
        } else {
          next = System.nanoTime();
        }
        warmup.tick();
        if (tick++ % scanEvery == 0) {
          sessions.scan();
        }
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    } catch (Throwable t) {
      err.println(PREFIX + "background thread stopped: " + t);
    }
  }

  /**
   * Waits until a second after the first request the hooks measured, or {@code start-delay}
   * seconds, whichever comes first: the endpoint, MXBeans and pusher then cost the host nothing
   * before it serves. Nothing is lost meanwhile — the hooks count from the first request, and the
   * MXBean counters are cumulative — and the warm-up judge says nothing for the first {@code
   * warmup-min-uptime} seconds anyway.
   */
  private void awaitHostStarted() throws InterruptedException {
    long deadline = startNanos + config.getInt(ConfigKey.START_DELAY) * 1_000_000_000L;
    long servedAt = 0;
    while (System.nanoTime() - deadline < 0) {
      if (servedAt == 0 && RequestLatency.total() > 0) {
        servedAt = System.nanoTime();
      }
      if (servedAt != 0 && System.nanoTime() - servedAt >= FIRST_REQUEST_GRACE_MS * 1_000_000L) {
        return;
      }
      Thread.sleep(POLL_MS);
    }
  }

  private void startEndpoint(AgentState state) {
    try {
      AgentEndpoint endpoint = AgentEndpoint.start(config.bind(), config.port(), state);
      if (config.port() == 0) {
        err.println(PREFIX + "listening on " + config.bind() + ":" + endpoint.port());
      }
    } catch (IOException | RuntimeException | LinkageError e) {
      err.println(
          PREFIX
              + "cannot listen on "
              + config.bind()
              + ":"
              + config.port()
              + " ("
              + e
              + "); no local endpoint. Blue and green on one host need different ports.");
    }
  }

  private void startPusher(AgentState state) {
    if (config.gate() == null) {
      return;
    }
    GatePusher pusher =
        new GatePusher(
            config.gate(),
            config.app(),
            config.env(),
            config.release(),
            config.token(),
            config.getInt(ConfigKey.PUSH_INTERVAL),
            config.getInt(ConfigKey.PUSH_MAX_BACKOFF),
            state::reportJson,
            state::sqlFile,
            () -> SqlCapture.get().version(),
            err);
    pusher.start();
    pusher.pushFinalReportOnShutdown(state::stoppingReportJson);
  }
}
