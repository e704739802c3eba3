/** Whether captured release queries still prepare against the schema before and after migrating. */
package dev.greenlight.linter.verify.compat;
