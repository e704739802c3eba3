package dev.greenlight.linter.verify.observe;

import java.time.Duration;
import java.util.List;
import java.util.Set;

/**
 * What one pending statement did on the server.
 *
 * @param locks locks it newly took on relations that existed before the pending migrations
 * @param rewritten existing tables and indexes whose file node changed
 * @param scanned existing tables whose rows it read
 * @param duration how long the statement ran
 * @param inTransaction false when it had to run outside a transaction block (locks sampled)
 * @param heldUntilEnd how long its locks were held: until its transaction ended
 * @param workWhileHeld existing tables scanned or rewritten from this statement until its
 *     transaction ended (the time traffic waited on its locks)
 * @param error the server's error, or null
 */
public record StatementObservation(
    List<ObservedLock> locks,
    List<Relation> rewritten,
    Set<Relation> scanned,
    Duration duration,
    boolean inTransaction,
    Duration heldUntilEnd,
    Set<Relation> workWhileHeld,
    String error) {

  public boolean failed() {
    return error != null;
  }
}
