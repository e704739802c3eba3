/** The audit trail: append-only events linked by a SHA-256 hash chain, and its verification. */
package dev.greenlight.gate.audit;
