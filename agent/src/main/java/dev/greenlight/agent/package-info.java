/** The Greenlight {@code -javaagent}: session storage, warm-up and SQL capture, reported safely. */
package dev.greenlight.agent;
