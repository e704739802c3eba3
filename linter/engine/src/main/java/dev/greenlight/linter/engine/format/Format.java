package dev.greenlight.linter.engine.format;

import java.util.Locale;
import java.util.function.Supplier;

/** The output formats of {@code lint} and {@code verify}, with their conventional file names. */
public enum Format {
  TEXT("greenlight.txt", TextRenderer::new),
  JSON("greenlight.json", JsonRenderer::new),
  SARIF("greenlight.sarif", SarifRenderer::new),
  GITHUB("greenlight-github.txt", GithubRenderer::new),
  GITLAB("greenlight-codequality.json", GitlabRenderer::new),
  JUNIT("TEST-greenlight.xml", JunitRenderer::new);

  private final String fileName;
  private final Supplier<ReportRenderer> factory;

  Format(String fileName, Supplier<ReportRenderer> factory) {
    this.fileName = fileName;
    this.factory = factory;
  }

  /** The lower-case name users type ({@code --format sarif}). */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The report file name used when a tool writes several formats. */
  public String fileName() {
    return fileName;
  }

  public ReportRenderer renderer() {
    return factory.get();
  }

  /** Parses a format name, case-insensitive; null when unknown. */
  public static Format parse(String text) {
    for (Format f : values()) {
      if (f.id().equalsIgnoreCase(text == null ? "" : text.trim())) {
        return f;
      }
    }
    return null;
  }

  /**
   * The format used when none is given: GitHub workflow commands inside GitHub Actions, text
   * elsewhere.
   */
  public static Format defaultFor(String githubActionsVariable) {
    return "true".equalsIgnoreCase(githubActionsVariable) ? GITHUB : TEXT;
  }
}
