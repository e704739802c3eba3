package dev.greenlight.linter.flyway;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Finds migration files in the paths given (files and folders, folders searched recursively) and
 * orders them as Flyway applies them: versioned migrations by {@code MigrationVersion}, then
 * repeatable ones by description; undo migrations after the versioned ones, files that do not
 * follow the naming last (by path).
 */
public final class MigrationDiscovery {
  private MigrationDiscovery() {}

  /**
   * The result of discovery.
   *
   * @param files the migrations in Flyway order
   * @param duplicates versions (or repeatable descriptions) used by several files
   * @param problems paths that do not exist or cannot be read: {@code path: what is wrong}
   */
  public record Result(
      List<DiscoveredFile> files, List<DuplicateVersion> duplicates, List<String> problems) {}

  /**
   * Discovers migrations in {@code paths}; with no paths, in {@code settings.locations()} resolved
   * against {@code baseDirectory} ({@code filesystem:} stripped, {@code classpath:x} read as {@code
   * src/main/resources/x}). Files named explicitly are taken whatever their suffix; in folders,
   * only files with a migration suffix.
   */
  public static Result discover(List<Path> paths, Path baseDirectory, FlywaySettings settings) {
    List<String> problems = new ArrayList<>();
    List<Path> roots = new ArrayList<>(paths);
    boolean fromLocations = roots.isEmpty();
    if (fromLocations) {
      for (String location : settings.locations()) {
        roots.add(baseDirectory.resolve(locationPath(location)));
      }
    }
    Set<Path> seen = new HashSet<>();
    List<DiscoveredFile> found = new ArrayList<>();
    for (Path root : roots) {
      if (Files.isRegularFile(root)) {
        add(root, settings, seen, found);
      } else if (Files.isDirectory(root)) {
        walk(root, settings, seen, found, problems);
      } else if (!fromLocations || roots.size() == 1) {
        problems.add(root + ": no such file or directory");
      }
    }
    found.sort(ORDER);
    return new Result(List.copyOf(found), duplicates(found), List.copyOf(problems));
  }

  static String locationPath(String location) {
    String l = location.trim();
    if (l.startsWith("filesystem:")) {
      return l.substring("filesystem:".length());
    }
    if (l.startsWith("classpath:")) {
      String rest = l.substring("classpath:".length());
      while (rest.startsWith("/")) {
        rest = rest.substring(1);
      }
      return "src/main/resources/" + rest;
    }
    return l;
  }

  private static void add(
      Path file, FlywaySettings settings, Set<Path> seen, List<DiscoveredFile> found) {
    Path conf = file.resolveSibling(file.getFileName() + ".conf");
    add(file, Files.isRegularFile(conf) ? conf : null, settings, seen, found);
  }

  private static void add(
      Path file, Path conf, FlywaySettings settings, Set<Path> seen, List<DiscoveredFile> found) {
    Path key = file.toAbsolutePath().normalize();
    if (seen.add(key)) {
      found.add(
          new DiscoveredFile(
              file, MigrationName.parse(file.getFileName().toString(), settings), conf));
    }
  }

  private static void walk(
      Path root,
      FlywaySettings settings,
      Set<Path> seen,
      List<DiscoveredFile> found,
      List<String> problems) {
    List<Path> candidates = new ArrayList<>();
    Set<Path> confs = new HashSet<>();
    try {
      Files.walkFileTree(
          root,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              String n = dir.getFileName() == null ? "" : dir.getFileName().toString();
              return !dir.equals(root) && n.startsWith(".")
                  ? FileVisitResult.SKIP_SUBTREE
                  : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isRegularFile() || Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                String n = file.getFileName().toString();
                if (n.endsWith(".conf")) {
                  confs.add(file);
                }
                for (String suffix : settings.sqlMigrationSuffixes()) {
                  if (n.endsWith(suffix) && !n.startsWith(".")) {
                    candidates.add(file);
                    break;
                  }
                }
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              problems.add(file + ": cannot read: " + e.getMessage());
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      problems.add(root + ": cannot read: " + e.getMessage());
    }
    for (Path file : candidates) {
      Path conf = file.resolveSibling(file.getFileName() + ".conf");
      add(file, confs.contains(conf) ? conf : null, settings, seen, found);
    }
  }

  private static int rank(MigrationName.Kind kind) {
    switch (kind) {
      case VERSIONED:
        return 0;
      case REPEATABLE:
        return 1;
      case UNDO:
        return 2;
      default:
        return 3;
    }
  }

  /** Flyway's application order. */
  public static final Comparator<DiscoveredFile> ORDER =
      (a, b) -> {
        MigrationName x = a.name();
        MigrationName y = b.name();
        int r = Integer.compare(rank(x.kind()), rank(y.kind()));
        if (r != 0) {
          return r;
        }
        if (x.version() != null && y.version() != null) {
          int v = x.version().compareTo(y.version());
          if (v != 0) {
            return v;
          }
        }
        if (x.kind() == MigrationName.Kind.REPEATABLE) {
          int d = x.description().compareTo(y.description());
          if (d != 0) {
            return d;
          }
        }
        return a.path().toString().compareTo(b.path().toString());
      };

  private static List<DuplicateVersion> duplicates(List<DiscoveredFile> files) {
    Map<String, List<Path>> groups = new LinkedHashMap<>();
    Map<String, MigrationName.Kind> kinds = new LinkedHashMap<>();
    for (DiscoveredFile f : files) {
      MigrationName n = f.name();
      String key;
      if (n.kind() == MigrationName.Kind.VERSIONED || n.kind() == MigrationName.Kind.UNDO) {
        key = n.kind() + ":" + canonicalVersion(n.versionString());
      } else if (n.kind() == MigrationName.Kind.REPEATABLE) {
        key = n.kind() + ":" + n.description();
      } else {
        continue;
      }
      groups.computeIfAbsent(key, k -> new ArrayList<>()).add(f.path());
      kinds.put(key, n.kind());
    }
    List<DuplicateVersion> out = new ArrayList<>();
    for (Map.Entry<String, List<Path>> e : groups.entrySet()) {
      if (e.getValue().size() > 1) {
        String key = e.getKey();
        out.add(
            new DuplicateVersion(
                key.substring(key.indexOf(':') + 1), kinds.get(key), List.copyOf(e.getValue())));
      }
    }
    return List.copyOf(out);
  }

  /** {@code 1.0} and {@code 1} are the same version to Flyway (so are {@code 01} and {@code 1}). */
  static String canonicalVersion(String version) {
    String[] parts = version.split("\\.");
    int end = parts.length;
    while (end > 1 && isZero(parts[end - 1])) {
      end--;
    }
    StringBuilder b = new StringBuilder();
    for (int i = 0; i < end; i++) {
      if (i > 0) {
        b.append('.');
      }
      String p = parts[i];
      int k = 0;
      while (k < p.length() - 1 && p.charAt(k) == '0') {
        k++;
      }
      b.append(p, k, p.length());
    }
    return b.toString();
  }

  private static boolean isZero(String part) {
    for (int i = 0; i < part.length(); i++) {
      if (part.charAt(i) != '0') {
        return false;
      }
    }
    return true;
  }
}
