/** What every rule implements and sees: descriptors, options and the per-statement context. */
package dev.greenlight.linter.rules.spi;
