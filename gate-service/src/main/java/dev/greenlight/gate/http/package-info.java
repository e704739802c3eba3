/** The HTTP API: one class per resource, mapping requests to the decision engine and the store. */
package dev.greenlight.gate.http;
