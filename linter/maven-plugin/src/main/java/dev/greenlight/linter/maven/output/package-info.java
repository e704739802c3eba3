/** What the goals print into the build log and write into {@code target/greenlight}. */
package dev.greenlight.linter.maven.output;
