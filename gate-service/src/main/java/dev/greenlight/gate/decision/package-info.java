/**
 * The pure decision engine: evidence, policy and a clock in, an allow/deny/pending decision out.
 */
package dev.greenlight.gate.decision;
