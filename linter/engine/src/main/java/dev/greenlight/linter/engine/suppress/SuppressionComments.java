package dev.greenlight.linter.engine.suppress;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads suppression directives from a file's {@code --} comments. A comment is a directive when its
 * body starts with {@code greenlight:}; anything after that which is not a well-formed directive is
 * reported, never ignored.
 */
public final class SuppressionComments {
  private static final String PREFIX = "greenlight:";
  private static final Pattern DIRECTIVE =
      Pattern.compile("greenlight:([A-Za-z-]*)\\s*(.*)", Pattern.DOTALL);
  private static final Pattern REASON = Pattern.compile("(?i)\\breason\\s*:");
  private static final Pattern RULE_ID = Pattern.compile("[A-Za-z0-9_-]+");

  private SuppressionComments() {}

  /** A comment as the front end hands it over: its text with the delimiter, and where it is. */
  public record SourceComment(String text, Region region) {}

  /** A directive that could not be used, with the reason shown to the user. */
  public record Problem(Region region, String message) {}

  /** The directives of one file and the malformed ones. */
  public record Parsed(List<Suppression> suppressions, List<Problem> problems) {}

  /**
   * Parses the directives among {@code comments}.
   *
   * @param statements the statements of the file in text order; a next-statement directive applies
   *     to the first one that starts after the comment
   */
  public static Parsed parse(List<SourceComment> comments, List<Region> statements) {
    List<Suppression> suppressions = new ArrayList<>();
    List<Problem> problems = new ArrayList<>();
    int next = 0;
    for (SourceComment comment : comments) {
      String text = comment.text();
      if (!text.startsWith("--")) {
        continue;
      }
      String body = text.substring(2).strip();
      if (!body.regionMatches(true, 0, PREFIX, 0, PREFIX.length())) {
        continue;
      }
      Matcher m = DIRECTIVE.matcher(body);
      if (!m.matches()) {
        continue;
      }
      String directive = m.group(1).toLowerCase(Locale.ROOT);
      boolean wholeFile;
      if (directive.equals("ignore")) {
        wholeFile = false;
      } else if (directive.equals("ignore-file")) {
        wholeFile = true;
      } else {
        String suggestion = directive.contains("file") ? "ignore-file" : "ignore";
        problems.add(
            new Problem(
                comment.region(),
                "unknown directive greenlight:"
                    + m.group(1)
                    + " (did you mean greenlight:"
                    + suggestion
                    + "?)"));
        continue;
      }
      String rest = m.group(2);
      String idsText = rest;
      String reason = "";
      Matcher reasonMatcher = REASON.matcher(rest);
      if (reasonMatcher.find()) {
        idsText = rest.substring(0, reasonMatcher.start());
        reason = rest.substring(reasonMatcher.end()).strip();
      }
      List<String> ids = new ArrayList<>();
      Matcher id = RULE_ID.matcher(idsText);
      while (id.find()) {
        ids.add(id.group());
      }
      if (ids.isEmpty()) {
        problems.add(
            new Problem(
                comment.region(),
                "greenlight:" + directive + " names no rule id (write the ids, then reason: …)"));
        continue;
      }
      Region target = null;
      if (!wholeFile) {
        while (next < statements.size() && !statements.get(next).startsAfter(comment.region())) {
          next++;
        }
        target = next < statements.size() ? statements.get(next) : null;
      }
      suppressions.add(new Suppression(wholeFile, ids, reason, comment.region(), target));
    }
    return new Parsed(suppressions, problems);
  }
}
