package dev.greenlight.linter.maven.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.linter.engine.format.Format;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.report.MigrationInfo;
import dev.greenlight.linter.report.Report;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportFilesTest {
  @TempDir Path out;

  @Test
  void parsesElementsAndCommaSeparatedNamesWithoutDuplicates() {
    assertThat(ReportFiles.parse(List.of("json, SARIF", "gitlab", "junit", "json")))
        .containsExactly(Format.JSON, Format.SARIF, Format.GITLAB, Format.JUNIT);
    assertThat(ReportFiles.parse(List.of())).isEmpty();
  }

  @Test
  void anUnknownFormatNamesTheValidOnes() {
    assertThatThrownBy(() -> ReportFiles.parse(List.of("json,pdf")))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown format 'pdf' (use text, json, sarif, github, gitlab, junit)");
  }

  @Test
  void writesEachFormatUnderTheArchitectureFileName() throws Exception {
    Report report =
        Report.of(
            "0.1.0",
            17,
            List.of(new MigrationInfo("db/V1__a.sql", "1", "a", "sha256:00", true, 1, 0)),
            List.of());
    List<Format> formats = List.of(Format.JSON, Format.SARIF, Format.GITLAB, Format.JUNIT);

    List<Path> written =
        ReportFiles.write(report, formats, RenderOptions.defaults(), out.resolve("greenlight"));

    assertThat(written)
        .extracting(p -> p.getFileName().toString())
        .containsExactly(
            "greenlight.json",
            "greenlight.sarif",
            "greenlight-codequality.json",
            "TEST-greenlight.xml");
    assertThat(ReportFiles.files(formats, out.resolve("greenlight"))).isEqualTo(written);
    assertThat(Files.readString(written.get(0))).contains("\"postgresVersion\": 17");
    assertThat(Files.readString(written.get(3))).contains("<testsuite");
  }
}
