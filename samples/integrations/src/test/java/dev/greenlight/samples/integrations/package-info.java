/** Tests of the integration files: they parse, and their requests work against a real gate. */
package dev.greenlight.samples.integrations;
