/** What a statement does on a real server: relation locks, rewrites, scans, duration. */
package dev.greenlight.linter.verify.observe;
