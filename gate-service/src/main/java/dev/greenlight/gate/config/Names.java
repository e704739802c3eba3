package dev.greenlight.gate.config;

import java.util.regex.Pattern;

/** The one rule for app, environment, release and instance names (they appear in URL paths). */
public final class Names {
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");

  private Names() {}

  public static boolean valid(String name) {
    return name != null && NAME.matcher(name).matches() && !name.contains("..");
  }

  public static String rule() {
    return "1-128 characters from A-Z a-z 0-9 . _ -, starting with a letter or digit, no '..'";
  }
}
