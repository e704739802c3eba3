package dev.greenlight.linter.schema;

/**
 * Which statement created (or last changed) a schema object.
 *
 * @param step the replay step (global statement sequence number), -1 for baseline objects
 * @param fileIndex the migration's index in the ordered set, -1 for baseline objects
 * @param transactionId the transaction the statement ran in, -1 for baseline objects
 * @param inChange whether the migration is part of the change under review ({@code --since})
 */
public record Origin(int step, int fileIndex, int transactionId, boolean inChange) {

  /** Objects no migration created: the baseline schema, live and holding data. */
  public static final Origin BASELINE = new Origin(-1, -1, -1, false);

  public boolean isBaseline() {
    return fileIndex < 0;
  }
}
