package dev.greenlight.samples.shop;

import static org.assertj.core.api.Assertions.assertThat;

import dev.greenlight.samples.shop.migration.MigrationPath;
import dev.greenlight.samples.shop.server.ShopServer;
import dev.greenlight.samples.shop.session.SessionMode;
import dev.greenlight.samples.shop.store.Release;
import dev.greenlight.testkit.RealPostgres;
import dev.greenlight.testkit.TestDatabase;
import java.net.URI;
import java.net.http.HttpRequest;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Release 1 on its own schema: every endpoint, and every kind of bad input. */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShopEndpointsTest {
  private ShopDatabase database;
  private ShopServer blue;
  private String url;

  @BeforeAll
  void start(TestDatabase db) {
    database = new ShopDatabase(db);
    assertThat(database.migrate(MigrationPath.COMMON)).containsExactly("1", "2");
    blue = database.start(Release.ONE, "blue", SessionMode.MEMORY);
    url = blue.baseUrl();
  }

  @AfterAll
  void stop() {
    blue.close();
    database.close();
  }

  @Test
  void healthNamesSlotReleaseAndSessionsInBodyAndHeaders() throws Exception {
    var health = new ShopClient().get(url + "/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.slot()).isEqualTo("blue");
    assertThat(health.release()).isEqualTo("1");
    assertThat(health.body().get("status").asText()).isEqualTo("UP");
    assertThat(health.body().get("database").asText()).isEqualTo("UP");
    assertThat(health.body().get("sessions").asText()).isEqualTo("memory");
  }

  @Test
  void productsOfReleaseOneCarryTheirDescription() throws Exception {
    var products = new ShopClient().get(url + "/products");
    assertThat(products.status()).isEqualTo(200);
    assertThat(products.body()).hasSize(4);
    assertThat(products.body().get(0).get("sku").asText()).isEqualTo("TEA-GREEN");
    assertThat(products.body().get(0).get("description").asText()).isEqualTo("Sencha, 100 g");
    assertThat(products.body().get(0).get("priceCents").asInt()).isEqualTo(650);
  }

  @Test
  void cartAddsUpAndBecomesAnOrderAtCurrentPrices() throws Exception {
    ShopClient alice = new ShopClient();
    assertThat(alice.get(url + "/cart").body().get("itemCount").asInt()).isZero();
    assertThat(alice.post(url + "/cart/items", "{\"productId\": 1, \"quantity\": 2}").status())
        .isEqualTo(200);
    var cart = alice.post(url + "/cart/items", "{\"productId\": 3}");
    assertThat(cart.body().get("itemCount").asInt()).isEqualTo(3);
    assertThat(
            alice
                .post(url + "/cart/items", "{\"productId\": 1, \"quantity\": 1}")
                .body()
                .get("items")
                .get(0)
                .get("quantity")
                .asInt())
        .isEqualTo(3);

    var order = alice.post(url + "/orders", "{\"email\": \"alice@example.com\"}");
    assertThat(order.status()).isEqualTo(201);
    assertThat(order.body().get("totalCents").asLong()).isEqualTo(3 * 650 + 1200);
    assertThat(order.body().get("email").asText()).isEqualTo("alice@example.com");
    assertThat(order.body().has("status")).isFalse();
    assertThat(alice.get(url + "/cart").body().get("itemCount").asInt()).isZero();

    var orders = alice.get(url + "/orders?email=alice@example.com");
    assertThat(orders.body()).hasSize(1);
    assertThat(orders.body().get(0).get("lines")).hasSize(2);
    assertThat(
            database.rows(
                "SELECT email, total_cents FROM orders WHERE email = 'alice@example.com'"))
        .containsExactly("alice@example.com | 3150");
  }

  @Test
  void deleteEmptiesTheCart() throws Exception {
    ShopClient bob = new ShopClient();
    bob.post(url + "/cart/items", "{\"productId\": 2}");
    assertThat(bob.delete(url + "/cart").body().get("itemCount").asInt()).isZero();
    assertThat(bob.get(url + "/cart").body().get("itemCount").asInt()).isZero();
  }

  @Test
  void badInputIsAClientErrorNamingTheField() throws Exception {
    ShopClient c = new ShopClient();
    var notJson = c.post(url + "/cart/items", "{\"productId\": ");
    assertThat(notJson.status()).isEqualTo(400);
    assertThat(notJson.body().get("field").asText()).isEqualTo("body");
    assertThat(notJson.body().get("error").asText()).startsWith("not valid JSON at line 1");

    var missing = c.post(url + "/cart/items", "{}");
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().get("field").asText()).isEqualTo("productId");

    var text = c.post(url + "/cart/items", "{\"productId\": \"one\"}");
    assertThat(text.status()).isEqualTo(400);
    assertThat(text.body().get("error").asText())
        .isEqualTo("productId must be an integer, got \"one\"");

    var tooMany = c.post(url + "/cart/items", "{\"productId\": 1, \"quantity\": 5000}");
    assertThat(tooMany.status()).isEqualTo(400);
    assertThat(tooMany.body().get("field").asText()).isEqualTo("quantity");

    var unknown = c.post(url + "/cart/items", "{\"productId\": 999}");
    assertThat(unknown.status()).isEqualTo(404);
    assertThat(unknown.body().get("error").asText()).isEqualTo("no product with id 999");

    var emptyCart = c.post(url + "/orders", "{\"email\": \"carol@example.com\"}");
    assertThat(emptyCart.status()).isEqualTo(409);
    assertThat(emptyCart.body().get("field").asText()).isEqualTo("cart");

    var noEmail = c.post(url + "/orders", "{\"mail\": \"carol@example.com\"}");
    assertThat(noEmail.status()).isEqualTo(400);
    assertThat(noEmail.body().get("field").asText()).isEqualTo("email");

    var badEmail = c.get(url + "/orders?email=carol");
    assertThat(badEmail.status()).isEqualTo(400);
    assertThat(badEmail.body().get("error").asText()).isEqualTo("not an e-mail address: carol");

    var form =
        c.send(
            HttpRequest.newBuilder(URI.create(url + "/orders"))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("email=x@y.z")));
    assertThat(form.status()).isEqualTo(415);
    assertThat(form.body().get("field").asText()).isEqualTo("Content-Type");
  }

  @Test
  void unknownPathsAndMethodsAnswerJson() throws Exception {
    ShopClient c = new ShopClient();
    var nowhere = c.get(url + "/checkout");
    assertThat(nowhere.status()).isEqualTo(404);
    assertThat(nowhere.slot()).isEqualTo("blue");
    assertThat(nowhere.body().get("error").asText()).startsWith("no such endpoint: /checkout");

    var wrongCartPath = c.get(url + "/cart/items/7");
    assertThat(wrongCartPath.status()).isEqualTo(404);

    var wrongMethod = c.delete(url + "/products");
    assertThat(wrongMethod.status()).isEqualTo(405);
    assertThat(wrongMethod.body().get("error").asText())
        .isEqualTo("DELETE is not allowed on /products");
  }
}
