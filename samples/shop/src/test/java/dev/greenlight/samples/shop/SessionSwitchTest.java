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

/**
 * What a switch does to a user's cart: one browser (one JSESSIONID cookie) talks to blue, then to
 * green, then back — as a router flip looks from the browser.
 */
@RealPostgres
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionSwitchTest {
  private ShopDatabase database;

  @BeforeAll
  void schema(TestDatabase db) {
    database = new ShopDatabase(db);
    database.migrate(MigrationPath.EXPAND);
  }

  @AfterAll
  void close() {
    database.close();
  }

  @Test
  void sharedSessionsCarryTheCartAcrossBothSwitches() throws Exception {
    try (ShopServer blue = database.start(Release.ONE, "blue", SessionMode.SHARED);
        ShopServer green = database.start(Release.TWO, "green", SessionMode.SHARED)) {
      ShopClient browser = new ShopClient();
      var added =
          browser.post(blue.baseUrl() + "/cart/items", "{\"productId\": 2, \"quantity\": 3}");
      assertThat(added.slot()).isEqualTo("blue");
      String session = browser.sessionId();
      assertThat(session).isNotNull();
      assertThat(
              database.rows(
                  "SELECT count(*) FROM tomcat_sessions WHERE session_id = '" + session + "'"))
          .containsExactly("1");

      // Switch to green: same cookie, cart intact, and green adds to it.
      var onGreen = browser.get(green.baseUrl() + "/cart");
      assertThat(onGreen.slot()).isEqualTo("green");
      assertThat(onGreen.release()).isEqualTo("2");
      assertThat(onGreen.body().get("itemCount").asInt()).isEqualTo(3);
      browser.post(green.baseUrl() + "/cart/items", "{\"productId\": 4}");

      // Switch back to blue: green's change is there too.
      var back = browser.get(blue.baseUrl() + "/cart");
      assertThat(back.body().get("itemCount").asInt()).isEqualTo(4);
      assertThat(browser.sessionId()).isEqualTo(session);

      var order = browser.post(green.baseUrl() + "/orders", "{\"email\": \"shared@example.com\"}");
      assertThat(order.status()).isEqualTo(201);
      assertThat(order.body().get("totalCents").asLong()).isEqualTo(3 * 550 + 3900);
      assertThat(browser.get(blue.baseUrl() + "/cart").body().get("itemCount").asInt()).isZero();
    }
  }

  @Test
  void sharedSessionsOutliveTheSlotThatCreatedThem() throws Exception {
    ShopClient browser = new ShopClient();
    try (ShopServer blue = database.start(Release.ONE, "blue", SessionMode.SHARED)) {
      browser.post(blue.baseUrl() + "/cart/items", "{\"productId\": 1}");
    }
    try (ShopServer green = database.start(Release.TWO, "green", SessionMode.SHARED)) {
      assertThat(browser.get(green.baseUrl() + "/cart").body().get("itemCount").asInt())
          .isEqualTo(1);
    }
  }

  @Test
  void inMemorySessionsLoseTheCartOnSwitch() throws Exception {
    try (ShopServer blue = database.start(Release.ONE, "blue", SessionMode.MEMORY);
        ShopServer green = database.start(Release.TWO, "green", SessionMode.MEMORY)) {
      ShopClient browser = new ShopClient();
      browser.post(blue.baseUrl() + "/cart/items", "{\"productId\": 2, \"quantity\": 3}");
      String session = browser.sessionId();

      // Green has never heard of blue's session: the cookie is ignored and the cart is empty.
      var onGreen = browser.get(green.baseUrl() + "/cart");
      assertThat(onGreen.body().get("itemCount").asInt()).isZero();
      var checkout =
          browser.send(
              HttpRequest.newBuilder(URI.create(green.baseUrl() + "/orders"))
                  .header("Content-Type", "application/json")
                  .POST(HttpRequest.BodyPublishers.ofString("{\"email\": \"lost@example.com\"}")));
      assertThat(checkout.status()).isEqualTo(409);
      assertThat(checkout.body().get("field").asText()).isEqualTo("cart");
      assertThat(
              database.rows(
                  "SELECT count(*) FROM tomcat_sessions WHERE session_id = '" + session + "'"))
          .containsExactly("0");
    }
  }
}
