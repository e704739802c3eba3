package dev.greenlight.gate.router;

import dev.greenlight.gate.store.LiveState;
import java.util.List;

/** The answer to a switch or switch-back request. */
public sealed interface SwitchResult {

  /**
   * The switch is recorded (and, with a driver, performed).
   *
   * @param router the driver's result, or null without a driver
   * @param warnings e.g. migrations since the switch that switching back cannot undo
   */
  record Done(
      LiveState state,
      String routerType,
      RouterDriver.FlipResult router,
      long auditSeq,
      List<String> warnings)
      implements SwitchResult {}

  /** Refused: the decision is not a current allow, or another switch won (HTTP 409). */
  record Refused(String error, String field) implements SwitchResult {}

  /** The router driver failed; the recorded live slot was put back (HTTP 502). */
  record RouterFailed(String error, LiveState state) implements SwitchResult {}
}
