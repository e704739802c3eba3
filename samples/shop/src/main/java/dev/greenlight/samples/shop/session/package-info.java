/** Where HTTP sessions live: in the JVM's memory, or shared by both slots in PostgreSQL. */
package dev.greenlight.samples.shop.session;
