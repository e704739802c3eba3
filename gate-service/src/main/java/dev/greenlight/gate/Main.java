package dev.greenlight.gate;

import dev.greenlight.gate.config.ConfigException;
import dev.greenlight.gate.config.GateConfig;
import dev.greenlight.gate.config.GateConfigLoader;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Path;
import java.sql.SQLException;
import java.util.Properties;
import java.util.concurrent.CountDownLatch;

/**
 * {@code greenlight-gate serve [--port N] [--bind ADDRESS] [--data-dir DIR] [--jdbc-url URL]
 * [--config FILE]}.
 */
public final class Main {
  static final String USAGE =
      """
      Usage: greenlight-gate serve [--port N] [--bind ADDRESS] [--data-dir DIR] [--jdbc-url URL]
                                   [--config gate.yaml]
             greenlight-gate --help | --version

      Runs the Greenlight gate: evidence in, decisions out, switches, overrides and an audit trail.
        --port N          HTTP port (default 8470; 0 picks a free one)
        --bind ADDRESS    listen only on this address of the machine, e.g. 127.0.0.1 or ::1
                          (default 0.0.0.0: every interface, IPv4 and IPv6)
        --data-dir DIR    embedded PostgreSQL data folder (default ./greenlight-gate-data)
        --jdbc-url URL    use this PostgreSQL instead of the embedded one (user/password as URL parameters)
        --config FILE     gate.yaml with tokens and policy (default: no tokens, fail-closed policy)
      """;

  private Main() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  static int run(String[] args, PrintStream out, PrintStream err) {
    if (args.length == 1 && (args[0].equals("--help") || args[0].equals("-h"))) {
      out.print(USAGE);
      return 0;
    }
    if (args.length == 1 && args[0].equals("--version")) {
      out.println("greenlight-gate " + version());
      return 0;
    }
    if (args.length == 0 || !args[0].equals("serve")) {
      err.println("greenlight-gate: expected the command 'serve' (see --help)");
      return 2;
    }
    int port = 8470;
    String bind = BindAddress.ALL_INTERFACES;
    Path dataDir = Path.of("greenlight-gate-data");
    String jdbcUrl = null;
    Path configFile = null;
    for (int i = 1; i < args.length; i++) {
      String flag = args[i];
      if (flag.equals("--help")) {
        out.print(USAGE);
        return 0;
      }
      if (i + 1 >= args.length) {
        err.println(
            "greenlight-gate: "
                + flag
                + (flag.startsWith("--") ? " needs a value" : " is not an option")
                + " (see --help)");
        return 2;
      }
      String value = args[++i];
      switch (flag) {
        case "--port" -> {
          try {
            port = Integer.parseInt(value);
          } catch (NumberFormatException e) {
            port = -1;
          }
          if (port < 0 || port > 65535) {
            err.println(
                "greenlight-gate: --port must be a number from 0 to 65535, not '" + value + "'");
            return 2;
          }
        }
        case "--bind" -> {
          try {
            bind = BindAddress.parse(value);
          } catch (IllegalArgumentException e) {
            err.println("greenlight-gate: " + e.getMessage());
            return 2;
          }
        }
        case "--data-dir" -> dataDir = Path.of(value);
        case "--jdbc-url" -> jdbcUrl = value;
        case "--config" -> configFile = Path.of(value);
        default -> {
          err.println("greenlight-gate: unknown option " + flag + " (see --help)");
          return 2;
        }
      }
    }
    GateConfig config;
    try {
      config = configFile == null ? GateConfig.failClosed() : GateConfigLoader.load(configFile);
    } catch (ConfigException e) {
      err.println("greenlight-gate: " + e.getMessage());
      return 2;
    }
    GateServer server;
    try {
      server =
          jdbcUrl == null
              ? GateServer.embedded(config, dataDir, bind, port)
              : GateServer.external(config, jdbcUrl, bind, port);
      server.start();
    } catch (IOException | SQLException | RuntimeException e) {
      err.println("greenlight-gate: could not start: " + e.getMessage());
      return 1;
    }
    CountDownLatch stopped = new CountDownLatch(1);
    GateServer running = server;
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  running.close();
                  stopped.countDown();
                },
                "greenlight-gate-stop"));
    out.println(
        "greenlight-gate "
            + version()
            + " listening on http://"
            + BindAddress.hostForUrl(bind)
            + ":"
            + server.port()
            + (bind.equals(BindAddress.ALL_INTERFACES) || bind.equals("::")
                ? " (all interfaces)"
                : "")
            + " (store: "
            + (jdbcUrl == null
                ? "embedded PostgreSQL in " + dataDir.toAbsolutePath()
                : "external PostgreSQL")
            + ", tokens: "
            + config.tokens().size()
            + ", anonymous read: "
            + config.anonymousRead()
            + ")");
    out.flush();
    try {
      stopped.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return 0;
  }

  static String version() {
    try (InputStream in = Main.class.getResourceAsStream("version.properties")) {
      Properties p = new Properties();
      if (in != null) {
        p.load(in);
      }
      return p.getProperty("version", "unknown");
    } catch (IOException e) {
      return "unknown";
    }
  }
}
