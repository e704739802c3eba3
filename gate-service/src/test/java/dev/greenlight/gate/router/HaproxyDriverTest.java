package dev.greenlight.gate.router;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.greenlight.gate.config.RouterSettings;
import dev.greenlight.gate.decision.Slot;
import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The HAProxy driver against a real HAProxy (Debian's package) over its admin socket. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HaproxyDriverTest {
  private static final Path HAPROXY = Path.of("/usr/sbin/haproxy");
  private Process haproxy;
  private Path socket;

  @BeforeAll
  void start() throws Exception {
    assumeTrue(Files.isExecutable(HAPROXY), "HAProxy is not installed (apt-get install haproxy)");
    Path dir = Files.createTempDirectory("gate-haproxy");
    socket = dir.resolve("admin.sock");
    Path cfg = dir.resolve("haproxy.cfg");
    Files.writeString(
        cfg,
        """
        global
          stats socket %s mode 600 level admin
        defaults
          mode http
          timeout connect 1s
          timeout client 5s
          timeout server 5s
        backend shop
          server blue1 127.0.0.1:9
          server blue2 127.0.0.1:10
          server green1 127.0.0.1:11
        """
            .formatted(socket));
    haproxy =
        new ProcessBuilder(HAPROXY.toString(), "-db", "-f", cfg.toString())
            .redirectErrorStream(true)
            .redirectOutput(dir.resolve("haproxy.log").toFile())
            .start();
    for (int i = 0; i < 100 && !Files.exists(socket); i++) {
      Thread.sleep(50);
    }
    assertThat(socket).exists();
  }

  @AfterAll
  void stop() {
    if (haproxy != null) {
      haproxy.destroy();
    }
  }

  @Test
  void flipsServerStatesAndReportsErrors() throws IOException {
    HaproxyDriver driver =
        new HaproxyDriver(
            new RouterSettings.Haproxy(
                socket,
                "shop",
                Map.of(Slot.BLUE, List.of("blue1", "blue2"), Slot.GREEN, List.of("green1")),
                "drain"));
    assertThat(driver.flip(Slot.GREEN).ok()).isTrue();
    assertThat(status("blue1")).isEqualTo("DRAIN");
    assertThat(status("blue2")).isEqualTo("DRAIN");
    assertThat(status("green1")).isNotIn("DRAIN", "MAINT");

    HaproxyDriver maint =
        new HaproxyDriver(
            new RouterSettings.Haproxy(
                socket,
                "shop",
                Map.of(Slot.BLUE, List.of("blue1", "blue2"), Slot.GREEN, List.of("green1")),
                "maint"));
    assertThat(maint.flip(Slot.BLUE).ok()).isTrue();
    assertThat(status("green1")).isEqualTo("MAINT");
    assertThat(status("blue1")).isNotIn("DRAIN", "MAINT");

    HaproxyDriver wrong =
        new HaproxyDriver(
            new RouterSettings.Haproxy(
                socket,
                "shop",
                Map.of(Slot.BLUE, List.of("blue1"), Slot.GREEN, List.of("green9")),
                "drain"));
    RouterDriver.FlipResult failed = wrong.flip(Slot.GREEN);
    assertThat(failed.ok()).isFalse();
    assertThat(failed.message())
        .contains("set server shop/green9 state ready")
        .containsIgnoringCase("no such server");

    HaproxyDriver noSocket =
        new HaproxyDriver(
            new RouterSettings.Haproxy(
                socket.resolveSibling("missing.sock"), "shop",
                Map.of(Slot.BLUE, List.of("blue1"), Slot.GREEN, List.of("green1")), "drain"));
    assertThat(noSocket.flip(Slot.GREEN).ok()).isFalse();
  }

  /** The status column of {@code show stat} for one server of backend shop. */
  private String status(String server) throws IOException {
    String csv = send("show stat");
    for (String line : csv.split("\n")) {
      String[] cols = line.split(",", -1);
      if (cols.length > 17 && cols[0].equals("shop") && cols[1].equals(server)) {
        return cols[17];
      }
    }
    throw new AssertionError("no stat line for " + server + " in\n" + csv);
  }

  private String send(String command) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
      StringBuilder out = new StringBuilder();
      ByteBuffer buf = ByteBuffer.allocate(8192);
      while (ch.read(buf) >= 0) {
        buf.flip();
        out.append(StandardCharsets.UTF_8.decode(buf));
        buf.clear();
      }
      return out.toString();
    }
  }
}
