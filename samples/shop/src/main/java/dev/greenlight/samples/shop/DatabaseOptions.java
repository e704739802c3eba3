package dev.greenlight.samples.shop;

import picocli.CommandLine.Option;

/** Where the shared PostgreSQL is: options, else {@code SHOP_JDBC_URL}, {@code SHOP_DB_USER}, … */
final class DatabaseOptions {
  @Option(
      names = "--jdbc-url",
      paramLabel = "URL",
      defaultValue = "${env:SHOP_JDBC_URL}",
      description = "PostgreSQL JDBC URL (default: $SHOP_JDBC_URL)")
  String jdbcUrl;

  @Option(
      names = "--db-user",
      paramLabel = "USER",
      defaultValue = "${env:SHOP_DB_USER}",
      description = "database user, unless in the URL (default: $SHOP_DB_USER)")
  String user;

  @Option(
      names = "--db-password",
      paramLabel = "PASSWORD",
      defaultValue = "${env:SHOP_DB_PASSWORD}",
      description = "database password, unless in the URL (default: $SHOP_DB_PASSWORD)")
  String password;
}
