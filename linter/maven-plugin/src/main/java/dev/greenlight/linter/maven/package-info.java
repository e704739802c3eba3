/** The Maven goals {@code greenlight:lint} and {@code greenlight:verify}. */
package dev.greenlight.linter.maven;
