/** The {@code greenlight} command line: one class per subcommand over the linter library. */
package dev.greenlight.cli;
