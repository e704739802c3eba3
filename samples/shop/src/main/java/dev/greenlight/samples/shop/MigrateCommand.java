package dev.greenlight.samples.shop;

import dev.greenlight.samples.shop.migration.MigrationPath;
import dev.greenlight.samples.shop.migration.Migrations;
import dev.greenlight.samples.shop.store.ConnectionPool;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.tomcat.jdbc.pool.DataSource;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code shop migrate --path common|unsafe|expand|contract --jdbc-url …}. */
@Command(
    name = "migrate",
    mixinStandardHelpOptions = true,
    description = "Apply a migration path to the shared database with Flyway.")
final class MigrateCommand implements Callable<Integer> {
  @Spec picocli.CommandLine.Model.CommandSpec spec;

  @Option(
      names = "--path",
      required = true,
      paramLabel = "PATH",
      description =
          "common (release 1), unsafe (release 2 in one step), expand (safe, both releases work),"
              + " contract (safe end state, after release 1 is retired)")
  String path;

  @Option(names = "--target", paramLabel = "VERSION", description = "stop at this version")
  String target;

  @Mixin DatabaseOptions database = new DatabaseOptions();

  @Override
  public Integer call() {
    MigrationPath p;
    try {
      p = MigrationPath.parse(path);
    } catch (IllegalArgumentException e) {
      spec.commandLine().getErr().println("shop migrate: " + e.getMessage());
      return 2;
    }
    if (database.jdbcUrl == null || database.jdbcUrl.isBlank()) {
      spec.commandLine()
          .getErr()
          .println("shop migrate: --jdbc-url (or SHOP_JDBC_URL) is required");
      return 2;
    }
    DataSource pool = ConnectionPool.open(database.jdbcUrl, database.user, database.password, 2);
    try {
      List<String> applied = Migrations.apply(pool, p, target);
      spec.commandLine()
          .getOut()
          .printf(
              "shop migrate: path %s (%s): %s%n",
              p.label(),
              String.join(", ", p.folders()),
              applied.isEmpty() ? "already up to date" : "applied V" + String.join(", V", applied));
      return 0;
    } catch (RuntimeException e) {
      spec.commandLine()
          .getErr()
          .println("shop migrate: path " + p.label() + " failed: " + e.getMessage());
      return 1;
    } finally {
      pool.close();
    }
  }
}
