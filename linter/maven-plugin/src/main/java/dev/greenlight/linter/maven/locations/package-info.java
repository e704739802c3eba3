/** Where a Maven project keeps its migrations: parameters, greenlight.toml, Flyway's settings. */
package dev.greenlight.linter.maven.locations;
