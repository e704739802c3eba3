/** Tests of the agent as a whole: architecture rules. */
package dev.greenlight.agent;
