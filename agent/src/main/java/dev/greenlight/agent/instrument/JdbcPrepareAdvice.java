package dev.greenlight.agent.instrument;

import net.bytebuddy.asm.Advice;

/** Captures the text of {@code Connection.prepareStatement/prepareCall}. */
final class JdbcPrepareAdvice {
  private JdbcPrepareAdvice() {}

  @Advice.OnMethodExit(suppress = Throwable.class)
  static void exit(@Advice.Argument(0) String sql, @Advice.Return Object statement) {
    Hooks.sqlPrepared(statement, sql);
  }
}
