/** The gate's PostgreSQL store: evidence, decisions, live slots, overrides and the audit chain. */
package dev.greenlight.gate.store;
