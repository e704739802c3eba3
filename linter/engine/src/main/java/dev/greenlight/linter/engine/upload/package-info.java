/** Sending a report to the gate as release evidence. */
package dev.greenlight.linter.engine.upload;
