/** Small servlet applications the integration tests start in forked JVMs under the agent. */
package dev.greenlight.agent.testapps;
