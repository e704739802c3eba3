package dev.greenlight.linter.verify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.linter.report.Finding;
import dev.greenlight.linter.report.Report;
import dev.greenlight.linter.verify.error.VerifyException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * verify on its own embedded servers: PostgreSQL 17 from the classpath, PostgreSQL 14 from the
 * binaries jar copied into target/pg-binaries at build time.
 */
class EmbeddedServersTest {
  @TempDir Path dir;

  private VerifyOptions sample() throws IOException {
    Path folder = dir.resolve("db/migration");
    Files.createDirectories(folder);
    Files.writeString(
        folder.resolve("V1__schema.sql"),
        "CREATE TABLE accounts (id int GENERATED ALWAYS AS IDENTITY PRIMARY KEY,"
            + " name varchar(30) NOT NULL, balance numeric(10, 2) NOT NULL CHECK (balance >= 0));\n");
    Files.writeString(
        folder.resolve("V2__rewrite.sql"),
        "ALTER TABLE accounts ALTER COLUMN balance TYPE numeric(12, 4);\n");
    return VerifyOptions.of(dir, List.of(folder)).withRows(2_000);
  }

  private static void assertRewriteObserved(Report report) {
    assertThat(report.findings())
        .extracting(Finding::rule)
        .contains("observed-table-rewrite", "observed-exclusive-lock");
    assertThat(report.findings())
        .filteredOn(f -> f.rule().equals("observed-table-rewrite"))
        .allSatisfy(f -> assertThat(f.message()).contains("accounts"));
  }

  @Test
  void runsOnPostgres17ByDefault() throws IOException {
    VerifyOutcome outcome = Verifier.standard().run(sample());
    assertThat(outcome.report().postgresVersion()).isEqualTo(17);
    assertRewriteObserved(outcome.report());
  }

  @Test
  void runsOnPostgres14() throws IOException {
    VerifyOutcome outcome = Verifier.standard().run(sample().withPgVersion(14));
    assertThat(outcome.report().postgresVersion()).isEqualTo(14);
    assertRewriteObserved(outcome.report());
  }

  @Test
  void anUnsupportedMajorIsAUsageErrorListingTheSupportedOnes() throws IOException {
    VerifyOptions options = sample().withPgVersion(15);
    assertThatThrownBy(() -> Verifier.standard().run(options))
        .isInstanceOf(VerifyException.class)
        .hasMessageContaining("PostgreSQL 15 is not available")
        .hasMessageContaining("[14, 16, 17]")
        .hasMessageContaining("--jdbc-url");
  }
}
