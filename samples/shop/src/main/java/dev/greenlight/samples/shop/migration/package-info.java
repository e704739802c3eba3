/**
 * The Flyway migration paths from release 1's schema to release 2's: unsafe, or expand/contract.
 */
package dev.greenlight.samples.shop.migration;
