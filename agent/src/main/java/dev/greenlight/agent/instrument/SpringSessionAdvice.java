package dev.greenlight.agent.instrument;

import net.bytebuddy.asm.Advice;

/** Registers the repository a Spring Session {@code SessionRepositoryFilter} is built with. */
final class SpringSessionAdvice {
  private SpringSessionAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Argument(0) Object repository) {
    Hooks.springSessionRepository(repository);
  }
}
