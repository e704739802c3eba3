/** Applies pending migrations statement by statement in Flyway's transactions, observing each. */
package dev.greenlight.linter.verify.apply;
