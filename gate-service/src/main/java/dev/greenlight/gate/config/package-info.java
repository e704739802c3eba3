/** gate.yaml: tokens, anonymous reads, the default policy and per app/env policy and routers. */
package dev.greenlight.gate.config;
