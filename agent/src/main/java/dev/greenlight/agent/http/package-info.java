/** The agent's own small HTTP endpoint: report, readiness and captured SQL. */
package dev.greenlight.agent.http;
