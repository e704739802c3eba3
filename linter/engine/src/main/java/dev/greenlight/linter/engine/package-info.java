/**
 * Runs the rules over discovered migrations and produces the report; configuration and
 * suppressions.
 */
package dev.greenlight.linter.engine;
