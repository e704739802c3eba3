/** Wires the parts together and runs the one background thread that does the heavy work. */
package dev.greenlight.agent.runtime;
