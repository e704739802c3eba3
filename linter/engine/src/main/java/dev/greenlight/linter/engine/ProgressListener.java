package dev.greenlight.linter.engine;

/** Hears how many files of a run are done; called from any thread. */
@FunctionalInterface
public interface ProgressListener {
  ProgressListener NONE = (done, total) -> {};

  void filesDone(int done, int total);
}
