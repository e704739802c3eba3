/**
 * Byte Buddy installation: cheap matchers, tiny suppressing advice, transformation error reporting.
 */
package dev.greenlight.agent.instrument;
