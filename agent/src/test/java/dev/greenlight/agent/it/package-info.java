/** Integration tests: real servers in forked JVMs with the packaged agent jar on -javaagent. */
package dev.greenlight.agent.it;
