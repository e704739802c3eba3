/** The migration linter: reads PostgreSQL migrations and finds blue-green-unsafe changes. */
package dev.greenlight.linter;
