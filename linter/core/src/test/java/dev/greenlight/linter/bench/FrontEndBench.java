package dev.greenlight.linter.bench;

import dev.greenlight.linter.FrontEnd;
import dev.greenlight.linter.FrontEndOptions;
import dev.greenlight.linter.MigrationSet;
import dev.greenlight.linter.MigrationStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Benchmark of the front end (read + split + parse + replay) on a migration folder; run by {@code
 * bin/bench-frontend}, never by the build. Prints the cold first run, then the median of warm runs.
 */
public final class FrontEndBench {
  private FrontEndBench() {}

  public static void main(String[] args) {
    if (args.length < 1) {
      System.err.println("usage: FrontEndBench <migration-folder> [warm-iterations]");
      System.exit(2);
    }
    Path folder = Path.of(args[0]);
    if (!Files.isDirectory(folder)) {
      System.err.println(folder + ": not a directory");
      System.exit(2);
    }
    int iterations = args.length > 1 ? Integer.parseInt(args[1]) : 30;
    FrontEndOptions options =
        FrontEndOptions.defaults().withBaseDirectory(folder).withReadFlywayConfigFiles(false);
    long t0 = System.nanoTime();
    MigrationSet first = FrontEnd.load(List.of(folder), options);
    long cold = System.nanoTime() - t0;
    int files = first.migrations().size();
    int statements = first.statementCount();
    int analyzed = first.analyzedStatements().size();
    int unparsed = first.unparsedCount();
    long[] warm = new long[iterations];
    long[] cpu = new long[iterations];
    com.sun.management.OperatingSystemMXBean os =
        (com.sun.management.OperatingSystemMXBean)
            java.lang.management.ManagementFactory.getOperatingSystemMXBean();
    for (int i = 0; i < 10; i++) {
      FrontEnd.load(List.of(folder), options);
    }
    for (int i = 0; i < iterations; i++) {
      long c = os.getProcessCpuTime();
      long s = System.nanoTime();
      MigrationSet set = FrontEnd.load(List.of(folder), options);
      warm[i] = System.nanoTime() - s;
      cpu[i] = os.getProcessCpuTime() - c;
      if (set.statementCount() != statements) {
        throw new IllegalStateException("non-deterministic statement count");
      }
    }
    Arrays.sort(warm);
    Arrays.sort(cpu);
    double medianMs = warm[iterations / 2] / 1e6;
    System.out.printf(Locale.ROOT, "files:               %d%n", files);
    System.out.printf(
        Locale.ROOT,
        "statements:          %d (analyzed incl. DO bodies: %d)%n",
        statements,
        analyzed);
    System.out.printf(Locale.ROOT, "unparsed:            %d%n", unparsed);
    System.out.printf(Locale.ROOT, "file problems:       %d%n", first.problems().size());
    System.out.printf(Locale.ROOT, "cold first run:      %.1f ms%n", cold / 1e6);
    System.out.printf(
        Locale.ROOT,
        "warm median (%d):    %.1f ms (min %.1f, max %.1f)%n",
        iterations,
        medianMs,
        warm[0] / 1e6,
        warm[iterations - 1] / 1e6);
    System.out.printf(Locale.ROOT, "statements/s (warm): %.0f%n", statements / (medianMs / 1000));
    System.out.printf(
        Locale.ROOT,
        "cpu per run (median): %.1f ms on %d cores (load average now %.1f)%n",
        cpu[iterations / 2] / 1e6,
        Runtime.getRuntime().availableProcessors(),
        os.getSystemLoadAverage());
    if (unparsed > 0) {
      Map<String, Integer> reasons = new TreeMap<>();
      for (MigrationStatement s : first.analyzedStatements()) {
        if (s.isUnparsed()) {
          reasons.merge(
              ((dev.greenlight.linter.ddl.Unparsed) s.statement()).reason(), 1, Integer::sum);
        }
      }
      reasons.forEach((r, n) -> System.out.println("  unparsed x" + n + ": " + r));
    }
  }
}
