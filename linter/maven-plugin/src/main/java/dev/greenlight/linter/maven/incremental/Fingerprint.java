package dev.greenlight.linter.maven.incremental;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Everything a run's result depends on, one {@code key value} line each: the tool, the parameters,
 * and the SHA-256 of every file read. Two runs with equal fingerprints produce the same report, so
 * the second can be skipped.
 */
public final class Fingerprint {
  private static final String HEADER = "# greenlight-maven-plugin inputs of the last passing run";

  private final List<String> lines;

  private Fingerprint(List<String> lines) {
    this.lines = List.copyOf(lines);
  }

  public static Builder builder() {
    return new Builder();
  }

  public List<String> lines() {
    return lines;
  }

  /**
   * Reads a fingerprint written by {@link #write}; empty when there is none or it is unreadable.
   */
  public static Optional<Fingerprint> read(Path file) {
    try {
      List<String> read = new ArrayList<>();
      for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
        if (!line.startsWith("#")) {
          read.add(line);
        }
      }
      return Optional.of(new Fingerprint(read));
    } catch (IOException | UncheckedIOException e) {
      // No previous run, or a damaged file: either way the inputs count as changed.
      return Optional.empty();
    }
  }

  public void write(Path file) throws IOException {
    Files.createDirectories(file.getParent());
    List<String> out = new ArrayList<>();
    out.add(HEADER);
    out.addAll(lines);
    Files.write(file, out, StandardCharsets.UTF_8);
  }

  /**
   * The first input that differs from {@code previous} (its key, e.g. a file path or {@code
   * failOn}), or empty when both are equal.
   */
  public Optional<String> firstDifference(Fingerprint previous) {
    int n = Math.max(lines.size(), previous.lines.size());
    for (int i = 0; i < n; i++) {
      String mine = i < lines.size() ? lines.get(i) : null;
      String theirs = i < previous.lines.size() ? previous.lines.get(i) : null;
      if (mine == null || !mine.equals(theirs)) {
        return Optional.of(key(mine != null ? mine : theirs));
      }
    }
    return Optional.empty();
  }

  private static String key(String line) {
    int space = line.indexOf(' ');
    String key = space < 0 ? line : line.substring(0, space);
    return key.startsWith("file:") ? key.substring(5) : key;
  }

  /** Collects lines; files are hashed as they are added. */
  public static final class Builder {
    private final List<String> lines = new ArrayList<>();

    private Builder() {}

    /** A named value; null is recorded as absent. */
    public Builder value(String key, Object value) {
      lines.add(key + " " + (value == null ? "-" : String.valueOf(value).replace('\n', ' ')));
      return this;
    }

    /**
     * A value that must not be written out (a JDBC URL with a password): only its SHA-256 is kept.
     */
    public Builder secret(String key, String value) {
      return value(
          key, value == null ? null : "sha256:" + sha256(value.getBytes(StandardCharsets.UTF_8)));
    }

    /**
     * One file's content by its name as shown ({@code shownAs}); a missing file is recorded as
     * missing, so creating it later counts as a change.
     */
    public Builder file(String shownAs, Path file) throws IOException {
      String hash = Files.isRegularFile(file) ? sha256(Files.readAllBytes(file)) : "missing";
      lines.add("file:" + shownAs + " " + hash);
      return this;
    }

    /**
     * Every regular file under {@code root}, in name order, shown relative to {@code base} when
     * inside it.
     */
    public Builder tree(Path root, Path base) throws IOException {
      List<Path> files;
      if (Files.isRegularFile(root)) {
        files = List.of(root);
      } else {
        try (Stream<Path> walk = Files.walk(root)) {
          files = walk.filter(Files::isRegularFile).sorted().toList();
        }
      }
      for (Path f : files) {
        Path abs = f.toAbsolutePath().normalize();
        String shown = abs.startsWith(base) ? base.relativize(abs).toString() : abs.toString();
        file(shown.replace('\\', '/'), f);
      }
      return this;
    }

    public Fingerprint build() {
      return new Fingerprint(lines);
    }
  }

  static String sha256(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    }
  }
}
