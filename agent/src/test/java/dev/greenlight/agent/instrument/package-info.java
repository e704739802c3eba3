/** Tests of the instrument package. */
package dev.greenlight.agent.instrument;
