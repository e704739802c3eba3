/** Tests of the json package. */
package dev.greenlight.agent.json;
