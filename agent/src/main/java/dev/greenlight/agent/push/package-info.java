/** Pushes reports and captured SQL to the gate without ever slowing the host. */
package dev.greenlight.agent.push;
