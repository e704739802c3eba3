package dev.greenlight.linter.maven.output;

import dev.greenlight.linter.engine.format.Format;
import dev.greenlight.linter.engine.format.RenderOptions;
import dev.greenlight.linter.report.Report;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** Writes the report in each requested format under the format's conventional file name. */
public final class ReportFiles {
  private ReportFiles() {}

  /**
   * Parses the {@code formats} parameter: names such as {@code json, sarif}, one per element or
   * comma-separated.
   *
   * @throws IllegalArgumentException naming the unknown format and the valid ones
   */
  public static List<Format> parse(List<String> names) {
    Set<Format> formats = new LinkedHashSet<>();
    for (String element : names) {
      for (String name : element.split(",")) {
        if (name.isBlank()) {
          continue;
        }
        Format f = Format.parse(name);
        if (f == null) {
          throw new IllegalArgumentException(
              "unknown format '" + name.trim() + "' (use " + validNames() + ")");
        }
        formats.add(f);
      }
    }
    return List.copyOf(formats);
  }

  public static String validNames() {
    return Arrays.stream(Format.values()).map(Format::id).collect(Collectors.joining(", "));
  }

  /** The files {@link #write} produces for {@code formats} in {@code directory}. */
  public static List<Path> files(List<Format> formats, Path directory) {
    return formats.stream().map(f -> directory.resolve(f.fileName())).toList();
  }

  /** Renders {@code report} once per format into {@code directory}; returns the files written. */
  public static List<Path> write(
      Report report, List<Format> formats, RenderOptions options, Path directory)
      throws IOException {
    List<Path> written = new ArrayList<>();
    Files.createDirectories(directory);
    for (Format format : formats) {
      Path file = directory.resolve(format.fileName());
      try (Writer out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        format.renderer().render(report, options, out);
      }
      written.add(file);
    }
    return written;
  }
}
