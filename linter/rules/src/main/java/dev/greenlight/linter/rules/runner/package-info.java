/** Rules about how the runner executes migrations: transactions and Flyway's version rules. */
package dev.greenlight.linter.rules.runner;
