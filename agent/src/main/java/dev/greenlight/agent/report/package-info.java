/** The agent report and the readiness answer, rendered as the JSON contract says. */
package dev.greenlight.agent.report;
