/** The one report object every output format renders: migrations, findings and a summary. */
package dev.greenlight.linter.report;
