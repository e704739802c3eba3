/** Which migrations the running release already has and which are pending. */
package dev.greenlight.linter.verify.select;
