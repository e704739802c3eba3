/** JVM and request-latency signals, and the pure judge that turns them into a warm-up verdict. */
package dev.greenlight.agent.warmup;
