/** The gate service: evidence in, decisions out, switches, overrides and an audit trail. */
package dev.greenlight.gate;
