/** Runs the rules over migration files: schema replay, statement dispatch, rule contexts. */
package dev.greenlight.linter.rules.analysis;
