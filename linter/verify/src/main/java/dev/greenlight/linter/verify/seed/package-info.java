/** Fills the tables of the before-state with synthetic rows that satisfy their constraints. */
package dev.greenlight.linter.verify.seed;
