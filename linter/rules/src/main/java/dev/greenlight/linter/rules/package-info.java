/** The rule catalogue: one class per rule, an explicit registry. */
package dev.greenlight.linter.rules;
