package dev.greenlight.linter.maven.locations;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Decides which folders hold a project's migrations. The first source that names locations wins:
 * the plugin's {@code <locations>}, {@code [flyway] locations} in greenlight.toml, the
 * flyway-maven-plugin's {@code <locations>}, {@code flyway.conf}/{@code flyway.toml}, and finally
 * {@code src/main/resources/db/migration}.
 *
 * <p>{@code filesystem:x} is a folder relative to the project; {@code classpath:x} is looked up in
 * every resource folder of the project, as Flyway finds it on the class path at run time. A plain
 * location means a folder in the plugin's own parameter and a class-path location in Flyway's
 * settings, because that is what Flyway itself reads it as.
 */
public final class MigrationLocations {
  /** The default folder, relative to the project. */
  public static final String DEFAULT = "src/main/resources/db/migration";

  private final Path basedir;
  private final List<Path> resourceDirs;

  /**
   * @param basedir the project folder, where relative locations start
   * @param resourceDirs the project's resource folders (absolute), for {@code classpath:}
   */
  public MigrationLocations(Path basedir, List<Path> resourceDirs) {
    this.basedir = basedir.toAbsolutePath().normalize();
    this.resourceDirs = List.copyOf(resourceDirs);
  }

  /** Where each location came from, for the build log. */
  public enum Origin {
    PARAMETER("<locations>"),
    GREENLIGHT_TOML("greenlight.toml [flyway] locations"),
    FLYWAY_PLUGIN("flyway-maven-plugin <locations>"),
    FLYWAY_CONFIG_FILE("flyway.conf/flyway.toml locations"),
    DEFAULT(MigrationLocations.DEFAULT);

    private final String description;

    Origin(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  /**
   * The folders to lint.
   *
   * @param folders existing folders (or files), in the order they were named, without duplicates
   * @param origin which source named them
   * @param notes locations that were skipped and why (not errors)
   */
  public record Resolved(List<Path> folders, Origin origin, List<String> notes) {
    public Resolved {
      folders = List.copyOf(folders);
      notes = List.copyOf(notes);
    }
  }

  /**
   * Resolves the first source that names locations; an empty list means "not set".
   *
   * @param parameter the plugin's {@code <locations>}
   * @param greenlightToml greenlight.toml's locations, already absolute
   * @param flywayPlugin the flyway-maven-plugin's locations
   * @param flywayConfigFile locations from flyway.conf / flyway.toml
   * @throws LocationException when a location in the plugin's own parameter does not exist or
   *     cannot be read by Greenlight
   */
  public Resolved resolve(
      List<String> parameter,
      List<Path> greenlightToml,
      List<String> flywayPlugin,
      List<String> flywayConfigFile)
      throws LocationException {
    List<String> notes = new ArrayList<>();
    if (!parameter.isEmpty()) {
      Set<Path> folders = new LinkedHashSet<>();
      for (String location : parameter) {
        List<Path> found = resolveOne(location, false, notes);
        if (found.isEmpty()) {
          throw new LocationException(
              "locations: '" + location.trim() + "' " + String.join("; ", notes));
        }
        folders.addAll(found);
      }
      return new Resolved(List.copyOf(folders), Origin.PARAMETER, List.of());
    }
    if (!greenlightToml.isEmpty()) {
      Set<Path> folders = new LinkedHashSet<>();
      for (Path p : greenlightToml) {
        Path abs = basedir.resolve(p).normalize();
        if (Files.exists(abs)) {
          folders.add(abs);
        } else {
          notes.add(display(abs) + " does not exist");
        }
      }
      return new Resolved(List.copyOf(folders), Origin.GREENLIGHT_TOML, notes);
    }
    if (!flywayPlugin.isEmpty()) {
      return fromFlyway(flywayPlugin, Origin.FLYWAY_PLUGIN);
    }
    if (!flywayConfigFile.isEmpty()) {
      return fromFlyway(flywayConfigFile, Origin.FLYWAY_CONFIG_FILE);
    }
    Path folder = basedir.resolve(DEFAULT);
    List<Path> folders = Files.isDirectory(folder) ? List.of(folder) : List.of();
    return new Resolved(folders, Origin.DEFAULT, List.of());
  }

  private Resolved fromFlyway(List<String> locations, Origin origin) {
    List<String> notes = new ArrayList<>();
    Set<Path> folders = new LinkedHashSet<>();
    for (String location : locations) {
      List<String> why = new ArrayList<>();
      List<Path> found = resolveOne(location, true, why);
      if (found.isEmpty()) {
        notes.add("'" + location.trim() + "' " + String.join("; ", why) + ": skipped");
      }
      folders.addAll(found);
    }
    return new Resolved(List.copyOf(folders), origin, notes);
  }

  /**
   * The existing folders one location stands for; when there are none, {@code why} says what was
   * looked at.
   */
  private List<Path> resolveOne(String location, boolean plainIsClasspath, List<String> why) {
    String text = location.trim();
    int colon = text.indexOf(':');
    String scheme = colon > 1 ? text.substring(0, colon).toLowerCase(Locale.ROOT) : "";
    String rest = colon > 1 ? text.substring(colon + 1) : text;
    if (scheme.isEmpty()) {
      scheme = plainIsClasspath ? "classpath" : "filesystem";
    }
    if (rest.contains("*") || rest.contains("?")) {
      why.add("uses a wildcard, which Greenlight does not expand (name the folders)");
      return List.of();
    }
    switch (scheme) {
      case "filesystem" -> {
        Path folder = basedir.resolve(rest).normalize();
        if (Files.exists(folder)) {
          return List.of(folder);
        }
        why.add("does not exist (" + display(folder) + ")");
        return List.of();
      }
      case "classpath" -> {
        String relative = rest.replaceFirst("^/+", "");
        List<Path> found = new ArrayList<>();
        List<String> looked = new ArrayList<>();
        for (Path resources : resourceDirs) {
          Path folder = resources.resolve(relative).normalize();
          looked.add(display(folder));
          if (Files.isDirectory(folder)) {
            found.add(folder);
          }
        }
        if (found.isEmpty()) {
          why.add(
              looked.isEmpty()
                  ? "is on the class path, but the project has no resource folders"
                  : "is in no resource folder (looked at " + String.join(", ", looked) + ")");
        }
        return found;
      }
      default -> {
        why.add(
            "uses '"
                + scheme
                + ":', which Greenlight cannot read (use filesystem: or classpath: folders)");
        return List.of();
      }
    }
  }

  /** A path as the build log shows it: relative to the project when inside it. */
  public String display(Path path) {
    Path abs = path.toAbsolutePath().normalize();
    return (abs.startsWith(basedir) ? basedir.relativize(abs) : abs).toString().replace('\\', '/');
  }
}
