package dev.greenlight.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.io.PrintWriter;
import java.io.StringWriter;
import org.junit.jupiter.api.Test;

/** The command line, run in-process: usage errors are one clear line and exit 2. */
@RealPostgres
class ShopMainTest {
  private final StringWriter out = new StringWriter();
  private final StringWriter err = new StringWriter();

  private int run(String... args) {
    return ShopMain.run(args, new PrintWriter(out, true), new PrintWriter(err, true));
  }

  @Test
  void helpListsBothCommands() {
    assertThat(run("--help")).isZero();
    assertThat(out.toString()).contains("serve", "migrate");
  }

  @Test
  void migrateAppliesAPathAndSaysWhich(TestDatabase db) {
    String[] connection = {"--jdbc-url", db.jdbcUrl(), "--db-user", db.user()};
    assertThat(run(concat(new String[] {"migrate", "--path", "expand"}, connection))).isZero();
    assertThat(out.toString())
        .contains("path expand (db/common, db/safe/expand): applied V1, V2, V3, V4, V5, V6, V7");
    assertThat(run(concat(new String[] {"migrate", "--path", "expand"}, connection))).isZero();
    assertThat(out.toString()).contains("already up to date");
  }

  @Test
  void usageErrorsNameTheOption() {
    assertThat(run("migrate", "--path", "sideways", "--jdbc-url", "jdbc:postgresql://x/y"))
        .isEqualTo(2);
    assertThat(err.toString())
        .contains("unknown migration path 'sideways': expected common, unsafe, expand or contract");

    assertThat(run("serve", "--release", "3", "--jdbc-url", "jdbc:postgresql://x/y")).isEqualTo(2);
    assertThat(err.toString()).contains("unknown release '3': expected 1 or 2");

    assertThat(
            run(
                "serve",
                "--release",
                "1",
                "--sessions",
                "disk",
                "--jdbc-url",
                "jdbc:postgresql://x/y"))
        .isEqualTo(2);
    assertThat(err.toString()).contains("unknown session mode 'disk': expected memory or shared");

    assertThat(run("serve", "--port", "80")).isEqualTo(2);
    assertThat(err.toString()).contains("Missing required option: '--release=1|2'");
  }

  @Test
  void aMissingDatabaseIsAUsageError() {
    // SHOP_JDBC_URL is not set where tests run; the option is then required.
    org.junit.jupiter.api.Assumptions.assumeTrue(System.getenv("SHOP_JDBC_URL") == null);
    assertThat(run("serve", "--release", "1")).isEqualTo(2);
    assertThat(err.toString()).contains("--jdbc-url (or SHOP_JDBC_URL) is required");
  }

  @Test
  void anUnreachableDatabaseFailsTheMigrationWithTheReason() {
    assertThat(
            run("migrate", "--path", "common", "--jdbc-url", "jdbc:postgresql://127.0.0.1:1/none"))
        .isEqualTo(1);
    assertThat(err.toString()).startsWith("shop migrate: path common failed: ");
    assertThat(err.toString()).contains("127.0.0.1:1");
  }

  private static String[] concat(String[] a, String[] b) {
    String[] all = java.util.Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }
}
