/**
 * What statements do to the database: the locks they take and how objects are named in messages.
 */
package dev.greenlight.linter.rules.facts;
