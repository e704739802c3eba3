/** Tests of the config package. */
package dev.greenlight.agent.config;
