/** Schema replay: the in-memory schema as each migration statement sees it. */
package dev.greenlight.linter.schema;
