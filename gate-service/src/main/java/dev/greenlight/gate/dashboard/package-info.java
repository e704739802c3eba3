/** The read-only HTML dashboard, rendered on the server so it needs no script. */
package dev.greenlight.gate.dashboard;
