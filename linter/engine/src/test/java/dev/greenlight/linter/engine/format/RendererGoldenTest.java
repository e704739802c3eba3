package dev.greenlight.linter.engine.format;

import dev.greenlight.linter.engine.testing.Golden;
import dev.greenlight.linter.engine.testing.SampleReports;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.report.Severity;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class RendererGoldenTest {

  static Stream<Arguments> cases() {
    Stream.Builder<Arguments> cases = Stream.builder();
    for (Format format : Format.values()) {
      cases.add(Arguments.of(format, "mixed", SampleReports.mixed()));
      cases.add(Arguments.of(format, "clean", SampleReports.clean()));
      cases.add(Arguments.of(format, "repeatable", SampleReports.repeatable()));
    }
    return cases.build();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("cases")
  void rendersLikeTheGolden(Format format, String name, Report report) {
    RenderOptions options =
        RenderOptions.defaults()
            .withSources(SampleReports::source)
            .withHelpBaseUrl("https://greenlight.example/rules")
            .withFailOn(Severity.ERROR);
    String out = format.renderer().renderToString(report, options);
    Golden.assertMatches(name + "." + format.id() + extension(format), out);
  }

  static Stream<Arguments> textCases() {
    return Stream.of(
        Arguments.of("mixed", SampleReports.mixed()),
        Arguments.of("clean", SampleReports.clean()),
        Arguments.of("repeatable", SampleReports.repeatable()));
  }

  @ParameterizedTest(name = "text colour {0}")
  @MethodSource("textCases")
  void colouredTextLikeTheGolden(String name, Report report) {
    RenderOptions options =
        RenderOptions.defaults().withSources(SampleReports::source).withColor(true);
    Golden.assertMatches(
        name + ".text-color.txt", Format.TEXT.renderer().renderToString(report, options));
  }

  private static String extension(Format format) {
    return switch (format) {
      case JSON, GITLAB, SARIF -> ".json";
      case JUNIT -> ".xml";
      default -> ".txt";
    };
  }
}
