/** Fingerprints of a run's inputs, so an unchanged project is not linted twice. */
package dev.greenlight.linter.maven.incremental;
