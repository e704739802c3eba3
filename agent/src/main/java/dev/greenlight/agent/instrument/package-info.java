/**
 * Bytecode instrumentation: a small ASM transformer at load time, Byte Buddy advice after a late
 * attach, and the suppressing static hooks both call.
 */
package dev.greenlight.agent.instrument;
