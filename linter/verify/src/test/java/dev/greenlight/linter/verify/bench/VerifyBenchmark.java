package dev.greenlight.linter.verify.bench;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.verify.Verifier;
import dev.greenlight.linter.verify.VerifyOptions;
import dev.greenlight.linter.verify.VerifyOutcome;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Times {@code verify} on the sample shop's migrations: V1–V2 form the running release, the five
 * expand migrations V3–V7 are pending, every table seeded with 10,000 rows (embedded PostgreSQL).
 * Not a test: prints figures. From the repository root, after {@code ./mvnw -pl linter/verify
 * install}:
 *
 * <pre>
 * ./mvnw -q -o -pl linter/verify exec:java -Dexec.classpathScope=test \
 *   -Dexec.mainClass=dev.greenlight.linter.verify.bench.VerifyBenchmark -Dexec.args="$PWD 3 17"
 * </pre>
 *
 * Arguments: repository root, runs (default 3), PostgreSQL major (default 17).
 */
public final class VerifyBenchmark {
  private VerifyBenchmark() {}

  public static void main(String[] args) {
    Path root = Path.of(args.length > 0 ? args[0] : "").toAbsolutePath();
    int runs = args.length > 1 ? Integer.parseInt(args[1]) : 3;
    int major = args.length > 2 ? Integer.parseInt(args[2]) : 17;
    Path db = root.resolve("samples/shop/src/main/resources/db");
    VerifyOptions options =
        VerifyOptions.of(root, List.of(db.resolve("common"), db.resolve("safe/expand")))
            .withFromVersion("2")
            .withRows(10_000)
            .withPgVersion(major);
    List<Long> millis = new ArrayList<>();
    for (int i = 0; i < runs; i++) {
      VerifyOutcome outcome = Verifier.standard().run(options);
      millis.add(outcome.elapsed().toMillis());
      System.out.printf(
          Locale.ROOT,
          "run %d: %d pending migrations, %d statements, PostgreSQL %d, %d ms, %d findings%n",
          i + 1,
          outcome.report().migrations().size(),
          outcome.report().summary().statements(),
          outcome.report().postgresVersion(),
          outcome.elapsed().toMillis(),
          outcome.report().findings().size());
      for (Finding f : outcome.report().findings()) {
        System.out.println("  " + f.rule() + " " + f.path() + ":" + f.line() + " " + f.message());
      }
      outcome.notes().forEach(n -> System.out.println("  note: " + n));
      outcome
          .stages()
          .forEach((stage, d) -> System.out.println("  " + stage + ": " + d.toMillis() + " ms"));
    }
    millis.sort(null);
    System.out.printf(
        Locale.ROOT,
        "median %d ms, min %d ms, max %d ms%n",
        millis.get(millis.size() / 2),
        millis.get(0),
        millis.get(millis.size() - 1));
  }
}
