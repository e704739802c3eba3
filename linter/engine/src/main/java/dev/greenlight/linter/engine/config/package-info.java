/** Configuration: finding and strictly reading {@code greenlight.toml}. */
package dev.greenlight.linter.engine.config;
