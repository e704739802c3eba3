package dev.greenlight.linter.engine.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.greenlight.linter.engine.testing.SampleReports;
import dev.greenlight.linter.report.Report;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Validates the SARIF output against the official OASIS schema. The schema sits beside the project
 * (in {@code ../shared}) on development machines and in CI, not in a user's fresh clone: there this
 * test is skipped, while {@link SarifStructureTest} still checks the structure.
 */
class SarifSchemaTest {
  private static Schema schema;

  @BeforeAll
  static void loadSchema() throws Exception {
    Path file = locate();
    assumeTrue(
        file != null,
        "skipped: ../shared/schemas/sarif-schema-2.1.0.json is absent (it exists beside the"
            + " project only on development machines and in CI)");
    try (InputStream in = Files.newInputStream(file)) {
      schema = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(in);
    }
  }

  private static Path locate() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null) {
      Path candidate = dir.resolveSibling("shared").resolve("schemas/sarif-schema-2.1.0.json");
      if (Files.isRegularFile(candidate)) {
        return candidate;
      }
      dir = dir.getParent();
    }
    return null;
  }

  private static List<Error> validate(Report report) {
    String sarif =
        new SarifRenderer()
            .renderToString(
                report, RenderOptions.defaults().withHelpBaseUrl("https://x.test/rules"));
    return schema.validate(sarif, InputFormat.JSON);
  }

  @Test
  void reportWithFindingsOfEverySeverityIsValid() {
    assertThat(validate(SampleReports.mixed())).isEmpty();
  }

  @Test
  void reportWithoutFindingsIsValid() {
    assertThat(validate(SampleReports.clean())).isEmpty();
  }

  @Test
  void reportWithUnparsedStatementIsValid() {
    assertThat(validate(SampleReports.repeatable())).isEmpty();
  }

  @Test
  void schemaRejectsABrokenDocument() {
    // Guards against a validator that accepts everything.
    List<Error> errors =
        schema.validate(
            "{\"version\": \"2.1.0\", \"runs\": [{\"results\": []}]}", InputFormat.JSON);
    assertThat(errors).isNotEmpty();
  }
}
