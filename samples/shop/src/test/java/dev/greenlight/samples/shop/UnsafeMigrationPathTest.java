package dev.greenlight.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.greenlight.samples.shop.migration.MigrationPath;
import dev.greenlight.samples.shop.server.ShopServer;
import dev.greenlight.samples.shop.session.SessionMode;
import dev.greenlight.samples.shop.store.Release;
import dev.greenlight.testkit.PostgresServer;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import org.junit.jupiter.api.Test;

/** The one-step path: it breaks release 1 where it applies, and fails where orders exist. */
@RealPostgres
class UnsafeMigrationPathTest {

  @Test
  void releaseOneBreaksOnTheUnsafeSchemaWhileReleaseTwoWorks(TestDatabase db) throws Exception {
    try (ShopDatabase database = new ShopDatabase(db)) {
      database.migrate(MigrationPath.COMMON);
      try (ShopServer blue = database.start(Release.ONE, "blue", SessionMode.MEMORY)) {
        // A customer fills a cart on blue before the migration runs.
        ShopClient customer = new ShopClient();
        assertThat(customer.post(blue.baseUrl() + "/cart/items", "{\"productId\": 1}").status())
            .isEqualTo(200);

        assertThat(database.migrate(MigrationPath.UNSAFE)).containsExactly("3");

        var products = customer.get(blue.baseUrl() + "/products");
        assertThat(products.status()).isEqualTo(500);
        assertThat(products.slot()).isEqualTo("blue");
        assertThat(products.body().get("error").asText())
            .contains("column \"description\" does not exist");
        assertThat(products.body().get("sqlState").asText()).isEqualTo("42703");

        var checkout =
            customer.post(blue.baseUrl() + "/orders", "{\"email\": \"blue@example.com\"}");
        assertThat(checkout.status()).isEqualTo(500);
        assertThat(checkout.body().get("error").asText())
            .contains("column \"email\" of relation \"orders\" does not exist");
        assertThat(customer.get(blue.baseUrl() + "/cart").body().get("itemCount").asInt())
            .as("the failed checkout kept the cart")
            .isEqualTo(1);

        var lookup = customer.get(blue.baseUrl() + "/orders?email=blue@example.com");
        assertThat(lookup.status()).isEqualTo(500);
        assertThat(lookup.body().get("error").asText()).contains("column \"email\" does not exist");
        // Even adding to a cart fails: release 1 reads the product with its description.
        assertThat(customer.post(blue.baseUrl() + "/cart/items", "{\"productId\": 2}").status())
            .isEqualTo(500);

        try (ShopServer green = database.start(Release.TWO, "green", SessionMode.MEMORY)) {
          assertThat(customer.get(green.baseUrl() + "/products").status()).isEqualTo(200);
          assertThat(SafeMigrationPathTest.placeOrder(green, "green@example.com", 1).status())
              .isEqualTo(201);
        }
      }
    }
  }

  @Test
  void theUnsafeMigrationFailsOnAShopWithOrdersAndRollsBack() throws Exception {
    TestDatabase other = PostgresServer.get().createDatabase("unsafe_with_orders");
    try (ShopDatabase database = new ShopDatabase(other)) {
      database.migrate(MigrationPath.COMMON);
      try (ShopServer blue = database.start(Release.ONE, "blue", SessionMode.MEMORY)) {
        assertThat(SafeMigrationPathTest.placeOrder(blue, "first@example.com", 1).status())
            .isEqualTo(201);

        assertThatThrownBy(() -> database.migrate(MigrationPath.UNSAFE))
            .hasMessageContaining("column \"status\" of relation \"orders\" contains null values");

        // Flyway ran V3 in one transaction: nothing of it stayed, and release 1 still works.
        assertThat(
                database.rows(
                    "SELECT column_name FROM information_schema.columns"
                        + " WHERE table_name = 'orders' ORDER BY ordinal_position"))
            .containsExactly("id", "email", "total_cents", "created_at");
        assertThat(SafeMigrationPathTest.placeOrder(blue, "second@example.com", 1).status())
            .isEqualTo(201);
      }
    } finally {
      PostgresServer.get().dropDatabase(other);
    }
  }
}
