package dev.greenlight.gate;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.gate.http.TestGate;
import dev.greenlight.gate.store.GateDatabase;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.net.ConnectException;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.NetworkInterface;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * {@code serve --bind}: the default listens on every interface; {@code --bind 127.0.0.1} refuses
 * connections to the machine's other addresses. "Other addresses" are 127.0.0.2 (Linux routes all
 * of 127/8 to the loopback interface, so it is always there) and every non-loopback IPv4 address
 * the machine has; each is first shown to answer a gate that listens everywhere.
 */
@RealPostgres
class BindTest {
  private static final HttpClient HTTP =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  /** The HTTP status of {@code /healthz} at host:port, or -1 when the connection is refused. */
  private static int healthz(String host, int port) throws IOException, InterruptedException {
    try {
      return HTTP.send(
              HttpRequest.newBuilder(URI.create("http://" + host + ":" + port + "/healthz"))
                  .timeout(Duration.ofSeconds(10))
                  .build(),
              HttpResponse.BodyHandlers.discarding())
          .statusCode();
    } catch (ConnectException e) {
      return -1;
    }
  }

  private static List<String> otherLocalAddresses() throws IOException {
    List<String> others = new ArrayList<>(List.of("127.0.0.2"));
    for (NetworkInterface nif : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (!nif.isUp() || nif.isLoopback()) {
        continue;
      }
      for (InetAddress a : Collections.list(nif.getInetAddresses())) {
        if (a instanceof Inet4Address) {
          others.add(a.getHostAddress());
        }
      }
    }
    return others;
  }

  private static GateServer gate(TestDatabase db, String host) throws SQLException {
    return GateServer.create(
            TestGate.config(""), GateDatabase.external(TestGate.jdbcUrl(db), 2), host, 0)
        .start();
  }

  @Test
  void loopbackBindRefusesTheMachinesOtherAddressesWhichTheDefaultServes(TestDatabase db)
      throws Exception {
    List<String> others = otherLocalAddresses();
    try (GateServer everywhere = gate(db, BindAddress.ALL_INTERFACES)) {
      assertThat(healthz("127.0.0.1", everywhere.port())).isEqualTo(200);
      for (String other : others) {
        assertThat(healthz(other, everywhere.port())).as("all interfaces: " + other).isEqualTo(200);
      }
    }
    try (GateServer loopback = gate(db, BindAddress.parse("127.0.0.1"))) {
      assertThat(loopback.host()).isEqualTo("127.0.0.1");
      assertThat(healthz("127.0.0.1", loopback.port())).isEqualTo(200);
      for (String other : others) {
        assertThat(healthz(other, loopback.port()))
            .as("bound to 127.0.0.1: " + other)
            .isEqualTo(-1);
      }
    }
  }

  @Test
  void theServeCommandListensOnTheGivenAddressAndSaysSo(TestDatabase db) throws Exception {
    Path dir = Files.createTempDirectory("gate-bind");
    try (ForkedGate gate =
        ForkedGate.start(
            dir.resolve("gate.log"),
            "--bind",
            "127.0.0.1",
            "--port",
            "0",
            "--jdbc-url",
            TestGate.jdbcUrl(db))) {
      assertThat(gate.startupOutput())
          .contains("listening on http://127.0.0.1:" + gate.port() + " ");
      assertThat(gate.startupOutput()).doesNotContain("all interfaces");
      assertThat(healthz("127.0.0.1", gate.port())).isEqualTo(200);
      assertThat(healthz("127.0.0.2", gate.port())).isEqualTo(-1);
    }
  }

  private record Run(int exit, String out, String err) {}

  private static Run main(String... args) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit =
        Main.run(
            args,
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(err, true, StandardCharsets.UTF_8));
    return new Run(
        exit, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
  }

  @Test
  void aBadBindAddressIsAOneLineUsageError() {
    Run notAnAddress = main("serve", "--bind", "300.1.1.1");
    assertThat(notAnAddress.exit()).isEqualTo(2);
    assertThat(notAnAddress.err())
        .isEqualTo(
            "greenlight-gate: --bind '300.1.1.1' is not an IPv4 address (four numbers 0-255,"
                + " like 127.0.0.1)"
                + System.lineSeparator());

    // TEST-NET-3 (RFC 5737): a valid address that no machine here has
    Run notOurs = main("serve", "--port", "0", "--bind", "203.0.113.77");
    assertThat(notOurs.exit()).isEqualTo(2);
    assertThat(notOurs.err())
        .startsWith("greenlight-gate: --bind 203.0.113.77 is not an address of this machine")
        .contains("127.0.0.1")
        .endsWith(")" + System.lineSeparator());
    assertThat(notOurs.err().lines()).hasSize(1);

    Run missing = main("serve", "--bind");
    assertThat(missing.exit()).isEqualTo(2);
    assertThat(missing.err()).isEqualTo("greenlight-gate: --bind needs a value (see --help)\n");

    Run empty = main("serve", "--bind", "");
    assertThat(empty.exit()).isEqualTo(2);
    assertThat(empty.err()).contains("--bind needs an IP address or host name");
  }

  @Test
  void bindAcceptsLoopbackWildcardsAndBracketedIpv6() {
    assertThat(BindAddress.parse("127.0.0.1")).isEqualTo("127.0.0.1");
    assertThat(BindAddress.parse("0.0.0.0")).isEqualTo(BindAddress.ALL_INTERFACES);
    assertThat(BindAddress.parse("localhost")).isIn("127.0.0.1", "0:0:0:0:0:0:0:1");
    assertThat(BindAddress.parse("[::1]")).isEqualTo("0:0:0:0:0:0:0:1");
    assertThat(BindAddress.hostForUrl("0:0:0:0:0:0:0:1")).isEqualTo("[0:0:0:0:0:0:0:1]");
    assertThat(Main.USAGE).contains("--bind ADDRESS").contains("default 0.0.0.0: every interface");
  }
}
