/** Counters and the Prometheus text rendering behind /metrics. */
package dev.greenlight.gate.metrics;
