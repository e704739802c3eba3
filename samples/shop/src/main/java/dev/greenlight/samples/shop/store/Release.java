package dev.greenlight.samples.shop.store;

import java.util.Locale;
import javax.sql.DataSource;

/** The two releases of the shop; blue runs one while green runs the other, on one database. */
public enum Release {
  /** Reads and writes {@code orders.email}; lists {@code products.description}. */
  ONE("1"),
  /** Reads and writes {@code orders.customer_email} and {@code orders.status}. */
  TWO("2");

  private final String label;

  Release(String label) {
    this.label = label;
  }

  /** The label used on the command line, in headers and in agent reports: "1" or "2". */
  public String label() {
    return label;
  }

  /** The store that runs this release's SQL. */
  public ShopStore store(DataSource dataSource) {
    return this == ONE ? new ReleaseOneStore(dataSource) : new ReleaseTwoStore(dataSource);
  }

  /** Parses "1", "2", "v1" or "v2". */
  public static Release parse(String text) {
    String t = text == null ? "" : text.trim().toLowerCase(Locale.ROOT);
    if (t.startsWith("v")) {
      t = t.substring(1);
    }
    for (Release r : values()) {
      if (r.label.equals(t)) {
        return r;
      }
    }
    throw new IllegalArgumentException("unknown release '" + text + "': expected 1 or 2");
  }
}
