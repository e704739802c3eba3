package dev.greenlight.linter.engine.git;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Predicate;

/**
 * What {@code --since} needs from git, through the {@code git} command line (present wherever CI
 * runs): the files under some folders as they were at a ref, with their hashes.
 */
public final class Git {
  private final Path workingDirectory;

  public Git(Path workingDirectory) {
    this.workingDirectory = workingDirectory.toAbsolutePath().normalize();
  }

  /**
   * Reads the files below {@code roots} (folders or files, absolute) at {@code ref} whose name
   * {@code include} accepts.
   */
  public GitSnapshot snapshot(String ref, List<Path> roots, Predicate<String> include)
      throws GitException {
    Path top = Path.of(run(List.of("rev-parse", "--show-toplevel")).trim()).toAbsolutePath();
    String commit;
    try {
      commit = run(List.of("rev-parse", "--verify", "--quiet", ref + "^{commit}")).trim();
    } catch (GitException e) {
      throw new GitException("--since " + ref + ": not a commit in " + top + " (git rev-parse)");
    }
    List<String> command =
        new ArrayList<>(List.of("ls-tree", "-r", "-z", "--full-tree", commit, "--"));
    for (Path root : roots) {
      Path relative = realTop(top).relativize(real(root));
      String spec = relative.toString().replace('\\', '/');
      command.add(spec.isEmpty() ? "." : spec);
    }
    List<Path> paths = new ArrayList<>();
    List<String> blobIds = new ArrayList<>();
    for (String entry : run(command).split("\0")) {
      int tab = entry.indexOf('\t');
      if (tab < 0) {
        continue;
      }
      String[] meta = entry.substring(0, tab).split(" ");
      String file = entry.substring(tab + 1);
      if (meta.length < 3 || !meta[1].equals("blob")) {
        continue;
      }
      String name = file.substring(file.lastIndexOf('/') + 1);
      if (!include.test(name)) {
        continue;
      }
      Path absolute = inCallersForm(realTop(top).resolve(file).normalize(), roots);
      paths.add(absolute);
      blobIds.add(meta[2]);
    }
    Map<Path, String> hashes = new LinkedHashMap<>();
    List<String> digests = hashBlobs(blobIds);
    for (int i = 0; i < paths.size(); i++) {
      hashes.put(paths.get(i), digests.get(i));
    }
    return new GitSnapshot(ref, commit, hashes);
  }

  /** The path as the caller spells it (roots may go through symbolic links git resolved). */
  private static Path inCallersForm(Path realFile, List<Path> roots) {
    for (Path root : roots) {
      Path realRoot = real(root);
      if (realFile.startsWith(realRoot)) {
        return root.toAbsolutePath().normalize().resolve(realRoot.relativize(realFile));
      }
    }
    return realFile;
  }

  private static Path realTop(Path top) {
    return real(top);
  }

  private static Path real(Path p) {
    try {
      return p.toRealPath();
    } catch (IOException e) {
      return p.toAbsolutePath().normalize();
    }
  }

  /** SHA-256 of each blob's content, read through one {@code git cat-file --batch}. */
  private List<String> hashBlobs(List<String> blobIds) throws GitException {
    List<String> out = new ArrayList<>(blobIds.size());
    if (blobIds.isEmpty()) {
      return out;
    }
    Process process = start(List.of("cat-file", "--batch"));
    CompletableFuture<Void> writer =
        CompletableFuture.runAsync(
            () -> {
              try (OutputStream in = process.getOutputStream()) {
                for (String id : blobIds) {
                  in.write((id + "\n").getBytes(StandardCharsets.US_ASCII));
                }
              } catch (IOException e) {
                // The reader below reports the short output.
              }
            });
    try (InputStream stdout = process.getInputStream()) {
      MessageDigest sha = MessageDigest.getInstance("SHA-256");
      byte[] buffer = new byte[65536];
      for (String id : blobIds) {
        String header = readLine(stdout);
        String[] parts = header.split(" ");
        if (parts.length != 3 || !parts[1].equals("blob")) {
          throw new GitException("git cat-file: unexpected answer for " + id + ": " + header);
        }
        long remaining = Long.parseLong(parts[2]);
        sha.reset();
        while (remaining > 0) {
          int n = stdout.read(buffer, 0, (int) Math.min(buffer.length, remaining));
          if (n < 0) {
            throw new GitException("git cat-file: output ended early");
          }
          sha.update(buffer, 0, n);
          remaining -= n;
        }
        stdout.read();
        out.add(HexFormat.of().formatHex(sha.digest()));
      }
      writer.join();
      process.waitFor();
    } catch (IOException e) {
      throw new GitException("git cat-file failed: " + e.getMessage());
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK provides SHA-256", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while reading git objects");
    }
    return out;
  }

  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) >= 0 && b != '\n') {
      line.write(b);
    }
    return line.toString(StandardCharsets.UTF_8);
  }

  private String run(List<String> args) throws GitException {
    Process process = start(args);
    try {
      process.getOutputStream().close();
      CompletableFuture<byte[]> err =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return process.getErrorStream().readAllBytes();
                } catch (IOException e) {
                  return new byte[0];
                }
              });
      byte[] stdout = process.getInputStream().readAllBytes();
      int code = process.waitFor();
      if (code != 0) {
        String message = new String(err.join(), StandardCharsets.UTF_8).strip();
        throw new GitException(
            "git " + args.get(0) + " failed" + (message.isEmpty() ? "" : ": " + message));
      }
      return new String(stdout, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new GitException("git " + args.get(0) + " failed: " + e.getMessage());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new GitException("interrupted while running git");
    }
  }

  private Process start(List<String> args) throws GitException {
    List<String> command = new ArrayList<>();
    command.add("git");
    command.addAll(args);
    try {
      return new ProcessBuilder(command).directory(workingDirectory.toFile()).start();
    } catch (IOException e) {
      throw new GitException(
          "--since needs the git command line, which could not be started: " + e.getMessage());
    }
  }
}
