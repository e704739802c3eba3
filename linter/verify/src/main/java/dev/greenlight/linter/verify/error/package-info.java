/**
 * The one error type of verify: a usage, configuration or I/O problem reported with exit code 2.
 */
package dev.greenlight.linter.verify.error;
