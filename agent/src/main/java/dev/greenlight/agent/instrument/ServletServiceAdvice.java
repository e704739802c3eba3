package dev.greenlight.agent.instrument;

import net.bytebuddy.asm.Advice;

/** Times {@code HttpServlet.service(ServletRequest, ServletResponse)}, javax and jakarta alike. */
final class ServletServiceAdvice {
  private ServletServiceAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static long enter() {
    return System.nanoTime();
  }

  @Advice.OnMethodExit(suppress = Throwable.class, onThrowable = Throwable.class)
  static void exit(@Advice.Enter long start, @Advice.Argument(0) Object request) {
    Hooks.serviced(start, request);
  }
}
