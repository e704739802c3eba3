package dev.greenlight.linter.schema;

/**
 * One statement's place in the replay.
 *
 * @param step the global sequence number (increasing through the replay)
 * @param fileIndex the migration's index in the ordered set
 * @param transactionId the statement's transaction
 * @param inChange whether the migration is part of the change under review ({@code --since})
 */
public record Step(int step, int fileIndex, int transactionId, boolean inChange) {

  Origin origin() {
    return new Origin(step, fileIndex, transactionId, inChange);
  }
}
