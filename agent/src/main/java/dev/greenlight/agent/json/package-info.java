/** A tiny JSON writer, because the agent must not bring a JSON library into its host. */
package dev.greenlight.agent.json;
