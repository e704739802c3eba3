/** Tests of the warmup package. */
package dev.greenlight.agent.warmup;
