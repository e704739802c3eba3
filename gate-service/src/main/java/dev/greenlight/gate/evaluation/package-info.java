/**
 * Cached evaluation: loads evidence from the store, runs the pure engine, records new decisions.
 */
package dev.greenlight.gate.evaluation;
