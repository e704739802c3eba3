/** Tests of the push package. */
package dev.greenlight.agent.push;
