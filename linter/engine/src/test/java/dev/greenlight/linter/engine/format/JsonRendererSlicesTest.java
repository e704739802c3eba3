package dev.greenlight.linter.engine.format;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.greenlight.linter.engine.testing.SampleReports;
import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Large reports render their findings in parallel slices; the text must not change. */
class JsonRendererSlicesTest {

  @ParameterizedTest
  @ValueSource(ints = {1, 2, 3, 37, 4001})
  void slicedRenderingEqualsSequentialRendering(int count) {
    Report sample = SampleReports.mixed();
    List<Finding> findings = new ArrayList<>();
    for (int i = 0; i < count; i++) {
      Finding f = sample.findings().get(i % sample.findings().size());
      findings.add(
          new Finding(
              f.rule(),
              f.severity(),
              f.category(),
              f.message() + " #" + i,
              f.help(),
              f.path(),
              f.line() + i,
              f.column(),
              f.endLine() + i,
              f.endColumn(),
              f.suppressed()));
    }
    Report report = Report.of("0.1.0", 17, sample.migrations(), findings);
    JsonRenderer renderer = new JsonRenderer();

    StringBuilder sequential = new StringBuilder();
    renderer.render(report, sequential, Integer.MAX_VALUE);
    StringBuilder sliced = new StringBuilder();
    renderer.render(report, sliced, 1);

    assertEquals(sequential.toString(), sliced.toString());
    assertTrue(sliced.toString().contains("\"rule\": \"prefer-bigint\""));
    assertEquals(count, sliced.toString().split("\"rule\": ", -1).length - 1);
  }
}
