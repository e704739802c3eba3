/** Output formats: renderers of one report as text, JSON, SARIF, GitHub, GitLab and JUnit. */
package dev.greenlight.linter.engine.format;
