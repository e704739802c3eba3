package dev.greenlight.linter.rules.analysis;

/** Where an object of the replayed schema comes from, deciding whether it counts as existing. */
enum Origin {
  /** No migration created it: part of the baseline schema, live with data. */
  BASELINE,
  /** Created by an earlier migration file that is deployed (not under review): live with data. */
  EARLIER_FILE,
  /** Created earlier in the file being analyzed: new and empty. */
  SAME_FILE,
  /**
   * Created by a file of the change under review ({@code --since}): not used by the live release.
   */
  UNDER_REVIEW;

  boolean existing() {
    return this == BASELINE || this == EARLIER_FILE;
  }
}
