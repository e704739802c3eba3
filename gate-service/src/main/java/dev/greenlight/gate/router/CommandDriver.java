package dev.greenlight.gate.router;

import dev.greenlight.gate.config.RouterSettings;
import dev.greenlight.gate.decision.Slot;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** Runs the configured command with the target slot as its last argument; exit 0 is success. */
public final class CommandDriver implements RouterDriver {
  private static final long TIMEOUT_SECONDS = 60;
  private final RouterSettings.Command settings;

  public CommandDriver(RouterSettings.Command settings) {
    this.settings = settings;
  }

  @Override
  public String type() {
    return "command";
  }

  @Override
  public FlipResult flip(Slot to) {
    List<String> argv = new ArrayList<>(settings.command());
    argv.add(to.wire());
    try {
      Process p = new ProcessBuilder(argv).redirectErrorStream(true).start();
      p.getOutputStream().close();
      String output;
      try (InputStream in = p.getInputStream()) {
        output = new String(in.readNBytes(4096), StandardCharsets.UTF_8).trim();
      }
      if (!p.waitFor(TIMEOUT_SECONDS, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        return new FlipResult(false, argv + " did not finish within " + TIMEOUT_SECONDS + "s");
      }
      int exit = p.exitValue();
      String text = argv + " exited " + exit + (output.isEmpty() ? "" : ": " + output);
      return new FlipResult(exit == 0, text);
    } catch (IOException e) {
      return new FlipResult(false, argv + " could not run: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return new FlipResult(false, argv + " was interrupted");
    }
  }
}
