package dev.greenlight.agent.instrument;

import net.bytebuddy.asm.Advice;

/** Registers a container's session manager or session cache when it is constructed. */
final class SessionStoreAdvice {
  private SessionStoreAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.This Object store) {
    Hooks.sessionStore(store);
  }
}
