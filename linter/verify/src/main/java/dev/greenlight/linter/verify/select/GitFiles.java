package dev.greenlight.linter.verify.select;

import dev.greenlight.linter.verify.error.VerifyException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

/** Asks the {@code git} command line which files existed at a ref. */
public final class GitFiles {
  private GitFiles() {}

  /**
   * The absolute, normalized paths of every file tracked at {@code ref} in the repository that
   * contains {@code directory}.
   */
  public static Set<Path> filesAt(Path directory, String ref) {
    Path root = Selection.realPath(Path.of(git(directory, "rev-parse", "--show-toplevel").strip()));
    String verified = git(directory, "rev-parse", "--verify", "--quiet", ref + "^{commit}");
    if (verified.isBlank()) {
      throw new VerifyException("--since " + ref + ": no such commit in " + root);
    }
    Set<Path> files = new HashSet<>();
    for (String line : git(root, "ls-tree", "-r", "--name-only", "-z", ref).split("\0")) {
      if (!line.isEmpty()) {
        files.add(root.resolve(line).toAbsolutePath().normalize());
      }
    }
    return files;
  }

  private static String git(Path directory, String... args) {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.add("-C");
    command.add(directory.toString());
    command.addAll(List.of(args));
    try {
      Process p = new ProcessBuilder(command).redirectErrorStream(false).start();
      p.getOutputStream().close();
      byte[] out = readAll(p.getInputStream());
      byte[] err = readAll(p.getErrorStream());
      if (!p.waitFor(60, TimeUnit.SECONDS)) {
        p.destroyForcibly();
        throw new VerifyException("git " + String.join(" ", args) + " did not finish in 60 s");
      }
      if (p.exitValue() != 0 && !(args.length > 1 && "--verify".equals(args[1]))) {
        throw new VerifyException(
            "git "
                + String.join(" ", args)
                + " failed in "
                + directory
                + ": "
                + new String(err, StandardCharsets.UTF_8).strip());
      }
      return new String(out, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new VerifyException("--since needs the git command line: " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new VerifyException("interrupted while running git", e);
    }
  }

  private static byte[] readAll(InputStream in) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    in.transferTo(out);
    return out.toByteArray();
  }
}
