package dev.greenlight.samples.integrations;

import java.io.IOException;
import java.net.StandardProtocolFamily;
import java.net.UnixDomainSocketAddress;
import java.nio.ByteBuffer;
import java.nio.channels.SocketChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** A real HAProxy (Debian's package) in the foreground, with an admin socket. */
final class HaproxyProcess implements AutoCloseable {
  final Path socket;
  final int frontendPort;
  private final Process process;
  private final Path log;

  private HaproxyProcess(Path socket, int frontendPort, Process process, Path log) {
    this.socket = socket;
    this.frontendPort = frontendPort;
    this.process = process;
    this.log = log;
  }

  /**
   * Frontend on a free port to backend {@code shop}: blue1 ready, green1 in maintenance; the admin
   * socket at the given path (the gate's router driver is configured with it beforehand).
   */
  static HaproxyProcess start(Path socket, int bluePort, int greenPort) throws Exception {
    int frontend = ShopProcess.freePort();
    Path dir = socket.getParent();
    Path config = dir.resolve("haproxy-" + frontend + ".cfg");
    Files.writeString(
        config,
        """
        global
          stats socket %s mode 600 level admin
        defaults
          mode http
          timeout connect 2s
          timeout client 30s
          timeout server 30s
          retries 3
          option redispatch
        frontend web
          bind 127.0.0.1:%d
          default_backend shop
        backend shop
          server blue1 127.0.0.1:%d
          server green1 127.0.0.1:%d disabled
        """
            .formatted(socket, frontend, bluePort, greenPort));
    Path log = dir.resolve("haproxy-" + frontend + ".log");
    Process p =
        new ProcessBuilder(List.of("haproxy", "-db", "-f", config.toString()))
            .redirectErrorStream(true)
            .redirectOutput(log.toFile())
            .start();
    HaproxyProcess h = new HaproxyProcess(socket, frontend, p, log);
    for (int i = 0; i < 100 && !Files.exists(socket); i++) {
      if (!p.isAlive()) {
        throw new IllegalStateException("haproxy exited:\n" + Files.readString(log));
      }
      Thread.sleep(100);
    }
    if (!Files.exists(socket)) {
      h.close();
      throw new IllegalStateException(
          "haproxy did not open its admin socket:\n" + Files.readString(log));
    }
    return h;
  }

  /** One runtime API command; returns HAProxy's answer. */
  String command(String command) throws IOException {
    try (SocketChannel ch = SocketChannel.open(StandardProtocolFamily.UNIX)) {
      ch.connect(UnixDomainSocketAddress.of(socket));
      ch.write(ByteBuffer.wrap((command + "\n").getBytes(StandardCharsets.US_ASCII)));
      ByteBuffer buf = ByteBuffer.allocate(1 << 16);
      StringBuilder out = new StringBuilder();
      while (ch.read(buf) > 0) {
        buf.flip();
        out.append(StandardCharsets.US_ASCII.decode(buf));
        buf.clear();
      }
      return out.toString();
    }
  }

  @Override
  public void close() throws InterruptedException {
    process.destroy();
    if (!process.waitFor(10, TimeUnit.SECONDS)) {
      process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
    }
  }
}
