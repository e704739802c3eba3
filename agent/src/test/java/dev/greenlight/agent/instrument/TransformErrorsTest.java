package dev.greenlight.agent.instrument;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class TransformErrorsTest {
  @Test
  void printsOneLinePerFailureUpToTheLimitThenOnlyCounts() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    TransformErrors errors =
        new TransformErrors(new PrintStream(bytes, true, StandardCharsets.UTF_8));
    int before = TransformErrors.count();
    for (int i = 0; i < 9; i++) {
      errors.report("com.example.Broken" + i, new IllegalStateException("x"));
    }
    String[] lines = bytes.toString(StandardCharsets.UTF_8).split("\n");
    assertThat(TransformErrors.count() - before).isEqualTo(9);
    assertThat(lines).hasSize(TransformErrors.MAX_LINES + 1);
    assertThat(lines[0])
        .isEqualTo(
            "[greenlight-agent] could not instrument com.example.Broken0 (left unchanged):"
                + " java.lang.IllegalStateException: x");
    assertThat(lines[TransformErrors.MAX_LINES]).contains("counted in the report, not printed");
  }
}
