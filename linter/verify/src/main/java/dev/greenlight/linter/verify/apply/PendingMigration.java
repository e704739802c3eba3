package dev.greenlight.linter.verify.apply;

import java.util.List;

/**
 * A migration the running release does not have yet.
 *
 * @param path as findings report it
 * @param version the Flyway version, null for repeatable migrations
 * @param transactional true when Flyway wraps the whole file in one transaction
 * @param checksum {@code sha256:<hex>} of the file
 */
public record PendingMigration(
    String path,
    String version,
    String description,
    boolean transactional,
    String checksum,
    List<PendingStatement> statements) {

  public PendingMigration {
    statements = List.copyOf(statements);
  }

  /** The file name, e.g. {@code V3__add_index.sql}. */
  public String fileName() {
    int slash = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
    return path.substring(slash + 1);
  }
}
