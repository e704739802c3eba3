package dev.greenlight.agent.instrument;

import net.bytebuddy.asm.Advice;

/** Captures the text of {@code Statement.execute*(String…)} and {@code addBatch(String)}. */
final class JdbcExecuteAdvice {
  private JdbcExecuteAdvice() {}

  @Advice.OnMethodEnter(suppress = Throwable.class)
  static void enter(@Advice.Argument(0) String sql) {
    Hooks.sqlText(sql);
  }
}
