package dev.greenlight.samples.shop.server;

import dev.greenlight.samples.shop.session.SessionMode;
import dev.greenlight.samples.shop.store.Release;
import java.util.Objects;

/**
 * How one shop instance runs.
 *
 * @param release the code it runs
 * @param slot the slot it serves (blue or green), reported in {@code X-Slot}
 * @param instance a name for this instance, reported in {@code X-Instance}
 * @param bind the address to listen on
 * @param port the port, 0 for any free one
 * @param sessions where HTTP sessions live
 */
public record ShopConfig(
    Release release, String slot, String instance, String bind, int port, SessionMode sessions) {

  public ShopConfig {
    Objects.requireNonNull(release, "release");
    Objects.requireNonNull(slot, "slot");
    Objects.requireNonNull(instance, "instance");
    Objects.requireNonNull(bind, "bind");
    Objects.requireNonNull(sessions, "sessions");
    if (port < 0 || port > 65535) {
      throw new IllegalArgumentException("port must be 0..65535, got " + port);
    }
  }

  /** Release 1 or 2 on any free port of 127.0.0.1, as the tests start it. */
  public static ShopConfig local(Release release, String slot, SessionMode sessions) {
    return new ShopConfig(
        release,
        slot,
        "shop-" + slot + "-" + ProcessHandle.current().pid(),
        "127.0.0.1",
        0,
        sessions);
  }
}
