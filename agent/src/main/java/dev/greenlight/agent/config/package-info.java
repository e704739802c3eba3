/**
 * Agent options from agent arguments, system properties and environment, validated once at start.
 */
package dev.greenlight.agent.config;
