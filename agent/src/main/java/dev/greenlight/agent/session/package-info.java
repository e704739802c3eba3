/** Finds the servlet session store by reflection and measures what a switch would drop. */
package dev.greenlight.agent.session;
