/** The {@code --since} support: files and hashes at a git ref, read with the git command line. */
package dev.greenlight.linter.engine.git;
