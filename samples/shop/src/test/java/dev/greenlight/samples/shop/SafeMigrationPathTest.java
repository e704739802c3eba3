package dev.greenlight.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.samples.shop.migration.MigrationPath;
import dev.greenlight.samples.shop.server.ShopServer;
import dev.greenlight.samples.shop.session.SessionMode;
import dev.greenlight.samples.shop.store.Release;
import dev.greenlight.testkit.PostgresServer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The expand/contract path: release 1 keeps working on the expanded schema (its real endpoints,
 * side by side with release 2), and after the contract the schema equals the unsafe path's.
 */
@RealPostgres
class SafeMigrationPathTest {

  @Test
  void releaseOneKeepsWorkingNextToReleaseTwoOnTheExpandedSchema(TestDatabase db) throws Exception {
    try (ShopDatabase database = new ShopDatabase(db)) {
      database.migrate(MigrationPath.COMMON);
      try (ShopServer blue = database.start(Release.ONE, "blue", SessionMode.MEMORY)) {
        // Orders placed before the migration: the backfill must carry them over.
        placeOrder(blue, "early@example.com", 2);
        database.execute(
            "INSERT INTO orders (email, total_cents)"
                + " SELECT 'bulk' || g || '@example.com', g FROM generate_series(1, 2500) g");

        assertThat(database.migrate(MigrationPath.EXPAND)).containsExactly("3", "4", "5", "6", "7");
        assertThat(database.rows("SELECT count(*) FROM orders WHERE customer_email IS NULL"))
            .containsExactly("0");
        assertThat(
                database.rows(
                    "SELECT convalidated FROM pg_constraint WHERE conname = 'order_lines_product_fk'"))
            .containsExactly("t");

        // Release 1's own endpoints, unchanged code, on the expanded schema.
        ShopClient client = new ShopClient();
        var products = client.get(blue.baseUrl() + "/products");
        assertThat(products.status()).isEqualTo(200);
        assertThat(products.body().get(0).get("description").asText()).isEqualTo("Sencha, 100 g");
        var v1Order = placeOrder(blue, "during@example.com", 1);
        assertThat(v1Order.status()).isEqualTo(201);
        assertThat(client.get(blue.baseUrl() + "/orders?email=early@example.com").body())
            .hasSize(1);

        try (ShopServer green = database.start(Release.TWO, "green", SessionMode.MEMORY)) {
          var v2Order = placeOrder(green, "green@example.com", 4);
          assertThat(v2Order.status()).isEqualTo(201);
          assertThat(v2Order.slot()).isEqualTo("green");
          assertThat(v2Order.body().get("status").asText()).isEqualTo("PLACED");

          // Each release sees the other's orders: the trigger keeps email and customer_email equal.
          assertThat(client.get(blue.baseUrl() + "/orders?email=green@example.com").body())
              .hasSize(1);
          var seenByGreen = client.get(green.baseUrl() + "/orders?email=during@example.com");
          assertThat(seenByGreen.body()).hasSize(1);
          assertThat(seenByGreen.body().get(0).get("status").asText()).isEqualTo("PLACED");
          assertThat(client.get(green.baseUrl() + "/orders?email=early@example.com").body())
              .hasSize(1);
        }
      }
    }
  }

  @Test
  void contractLeavesReleaseTwoWorkingAndReachesTheUnsafeEndState(TestDatabase db)
      throws Exception {
    List<String> safeSchema;
    try (ShopDatabase database = new ShopDatabase(db)) {
      database.migrate(MigrationPath.EXPAND);
      assertThat(database.migrate(MigrationPath.CONTRACT)).containsExactly("8", "9", "10");
      try (ShopServer green = database.start(Release.TWO, "green", SessionMode.MEMORY)) {
        assertThat(placeOrder(green, "after@example.com", 1).status()).isEqualTo(201);
        assertThat(new ShopClient().get(green.baseUrl() + "/products").status()).isEqualTo(200);
      }
      safeSchema = SchemaSnapshot.of(database);
    }

    TestDatabase other = PostgresServer.get().createDatabase("unsafe_end_state");
    try (ShopDatabase unsafe = new ShopDatabase(other)) {
      unsafe.migrate(MigrationPath.UNSAFE);
      assertThat(SchemaSnapshot.of(unsafe)).isEqualTo(safeSchema);
    } finally {
      PostgresServer.get().dropDatabase(other);
    }
    assertThat(safeSchema)
        .contains(
            "column orders.customer_email text NOT NULL default null",
            "column orders.status text NOT NULL default null")
        .noneMatch(line -> line.startsWith("column orders.email "))
        .noneMatch(line -> line.startsWith("column products.description "));
  }

  static ShopClient.Answer placeOrder(ShopServer server, String email, int productId)
      throws Exception {
    ShopClient c = new ShopClient();
    c.post(server.baseUrl() + "/cart/items", "{\"productId\": " + productId + "}");
    return c.post(server.baseUrl() + "/orders", "{\"email\": \"" + email + "\"}");
  }
}
