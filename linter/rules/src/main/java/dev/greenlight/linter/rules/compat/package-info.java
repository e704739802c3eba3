/** Rules about compatibility with the release that is still running (expand / contract). */
package dev.greenlight.linter.rules.compat;
