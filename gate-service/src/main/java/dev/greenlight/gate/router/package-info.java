/** Switching traffic: the switchboard that records switches and the router drivers that flip. */
package dev.greenlight.gate.router;
