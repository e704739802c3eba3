package dev.greenlight.agent.runtime;

import dev.greenlight.agent.config.AgentConfig;
import dev.greenlight.agent.config.ConfigKey;
import dev.greenlight.agent.config.InvalidConfigException;
import dev.greenlight.agent.http.AgentEndpoint;
import dev.greenlight.agent.instrument.CandidateFilter;
import dev.greenlight.agent.instrument.Instrumenter;
import dev.greenlight.agent.push.GatePusher;
import dev.greenlight.agent.report.AgentIdentity;
import dev.greenlight.agent.report.AgentState;
import dev.greenlight.agent.session.SessionMonitor;
import dev.greenlight.agent.sql.SqlCapture;
import dev.greenlight.agent.warmup.WarmupMonitor;
import dev.greenlight.agent.warmup.WarmupThresholds;
import java.io.IOException;
import java.io.PrintStream;
import java.lang.instrument.Instrumentation;
import java.util.List;

/**
 * Starts the agent: validates the configuration (or switches the agent off with one line), installs
 * the advice, and starts the background thread that samples warm-up signals every second, scans
 * sessions every few seconds, serves the endpoint and starts the pusher.
 */
public final class AgentRuntime implements Runnable {
  private static final String PREFIX = "[greenlight-agent] ";

  private final AgentConfig config;
  private final AgentState state;
  private final SessionMonitor sessions;
  private final PrintStream err;
  private final long startNanos = System.nanoTime();

  private final CandidateFilter filter;
  private final List<String> drivers;

  private final Instrumentation retransformLoaded;

  private AgentRuntime(
      AgentConfig config,
      PrintStream err,
      CandidateFilter filter,
      List<String> drivers,
      Instrumentation retransformLoaded) {
    this.retransformLoaded = retransformLoaded;
    this.config = config;
    this.err = err;
    this.filter = filter;
    this.drivers = drivers;
    this.sessions = new SessionMonitor(config.getInt(ConfigKey.SESSION_SAMPLE));
    this.state =
        new AgentState(
            new AgentIdentity(
                config.app(), config.env(), config.slot(), config.release(), config.instance()),
            sessions);
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
    SqlCapture.get()
        .configure(
            config.getInt(ConfigKey.SQL_MAX),
            config.getInt(ConfigKey.SQL_MAX_LENGTH),
            config.getInt(ConfigKey.SQL_MAX_CHARS));
    List<String> drivers = Instrumenter.driverPackages(config.extraDriverPackages());
    CandidateFilter filter = null;
    boolean retransform = lateAttach && inst != null && inst.isRetransformClassesSupported();
    if (inst != null) {
      filter = new CandidateFilter(drivers, err);
      inst.addTransformer(filter, retransform);
    }
    AgentRuntime runtime =
        new AgentRuntime(config, err, filter, drivers, retransform ? inst : null);
    Thread background = new Thread(runtime, "greenlight-agent");
    background.setDaemon(true);
    background.setPriority(Thread.MIN_PRIORITY + 1);
    background.start();
  }

  @Override
  public void run() {
    try {
      buildInstrumentation();
      startEndpoint();
      String record = config.get(ConfigKey.WARMUP_RECORD);
      WarmupMonitor warmup =
          new WarmupMonitor(
              WarmupThresholds.from(config),
              startNanos,
              record == null ? null : java.nio.file.Path.of(record));
      state.warmupMonitor(warmup);
      startPusher();
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

  private void buildInstrumentation() {
    if (filter == null) {
      return;
    }
    try {
      filter.ready(Instrumenter.build(drivers, err));
      if (retransformLoaded != null) {
        int failed = 0;
        for (Class<?> c : retransformLoaded.getAllLoadedClasses()) {
          if (filter.isCandidate(c.getName().replace('.', '/'))
              && retransformLoaded.isModifiableClass(c)) {
            try {
              retransformLoaded.retransformClasses(c);
            } catch (Throwable t) {
              failed++;
            }
          }
        }
        if (failed > 0) {
          err.println(
              PREFIX + failed + " classes loaded before the attach could not be instrumented");
        }
      }
    } catch (Throwable t) {
      filter.ready(null);
      err.println(
          PREFIX + "could not build the instrumentation (" + t + "); reporting JVM signals only");
    }
  }

  private void startEndpoint() {
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

  private void startPusher() {
    if (config.gate() == null) {
      return;
    }
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
            err)
        .start();
  }
}
