package dev.greenlight.linter;

/**
 * Hears how many migration files {@link FrontEnd#load} has finished (read, parsed and replayed into
 * the schema), so a command line can draw a progress bar while a large set loads. Called on the
 * loading thread, in Flyway order, once per file.
 */
@FunctionalInterface
public interface LoadProgress {
  LoadProgress NONE = (done, total) -> {};

  void filesLoaded(int done, int total);
}
