package dev.greenlight.linter;

import dev.greenlight.linter.ddl.DoBlock;
import dev.greenlight.linter.ddl.Parser;
import dev.greenlight.linter.ddl.Statement;
import dev.greenlight.linter.flyway.DiscoveredFile;
import dev.greenlight.linter.flyway.FlywayConfigFiles;
import dev.greenlight.linter.flyway.FlywaySettings;
import dev.greenlight.linter.flyway.MigrationDiscovery;
import dev.greenlight.linter.flyway.MigrationName;
import dev.greenlight.linter.flyway.ScriptConfig;
import dev.greenlight.linter.flyway.Transaction;
import dev.greenlight.linter.flyway.TransactionPlan;
import dev.greenlight.linter.schema.SchemaReplay;
import dev.greenlight.linter.schema.Step;
import dev.greenlight.linter.sql.LexProblem;
import dev.greenlight.linter.sql.Script;
import dev.greenlight.linter.sql.SourceText;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ForkJoinPool;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReferenceArray;

/**
 * The linter's front end: finds migration files, reads them (in parallel), lexes, splits and parses
 * every statement, plans transactions as the runner runs them and replays the schema in Flyway
 * order. Never throws for bad input: unreadable files and unterminated literals become {@link
 * FileProblem}s, unreadable statements become {@code Unparsed} statements.
 *
 * <pre>{@code
 * MigrationSet set = FrontEnd.load(List.of(Path.of("db/migration")), FrontEndOptions.defaults());
 * for (MigrationStatement s : set.analyzedStatements()) {
 *   if (s.statement() instanceof AlterTable a && s.schema().isExistingTable(a.table())) { ... }
 * }
 * }</pre>
 */
public final class FrontEnd {
  private FrontEnd() {}

  /**
   * Loads migrations from files and folders (folders are searched recursively for files with a
   * migration suffix; with no paths, the Flyway locations under the base directory are used).
   */
  public static MigrationSet load(List<Path> paths, FrontEndOptions options) {
    List<FileProblem> problems = new ArrayList<>();
    FlywaySettings flyway = options.flyway();
    if (options.readFlywayConfigFiles()) {
      FlywayConfigFiles.Loaded loaded = FlywayConfigFiles.load(options.baseDirectory(), flyway);
      flyway = loaded.settings();
      for (String p : loaded.problems()) {
        problems.add(plainProblem(p));
      }
    }
    MigrationDiscovery.Result found =
        MigrationDiscovery.discover(paths, options.baseDirectory(), flyway);
    for (String p : found.problems()) {
      problems.add(plainProblem(p));
    }
    List<Source> sources = new ArrayList<>(found.files().size());
    for (DiscoveredFile f : found.files()) {
      sources.add(new Source(f.path(), f.name(), null, f.scriptConfig()));
    }
    return build(sources, options, flyway, problems, found.duplicates());
  }

  /**
   * Loads migrations given as text, for tests and tools: {@code files} maps file names (e.g. {@code
   * V1__init.sql}) to SQL; they are ordered as Flyway orders them.
   */
  public static MigrationSet loadTexts(Map<String, String> files, FrontEndOptions options) {
    List<DiscoveredFile> named = new ArrayList<>();
    for (String name : files.keySet()) {
      named.add(
          new DiscoveredFile(
              Path.of(name), MigrationName.parse(fileName(name), options.flyway()), null));
    }
    named.sort(MigrationDiscovery.ORDER);
    List<Source> sources = new ArrayList<>();
    for (DiscoveredFile f : named) {
      sources.add(new Source(f.path(), f.name(), files.get(f.path().toString()), null));
    }
    return build(sources, options, options.flyway(), new ArrayList<>(), List.of());
  }

  private static String fileName(String name) {
    int slash = name.lastIndexOf('/');
    return slash < 0 ? name : name.substring(slash + 1);
  }

  private static FileProblem plainProblem(String message) {
    int colon = message.indexOf(": ");
    if (colon > 0) {
      return new FileProblem(message.substring(0, colon), 0, 0, message.substring(colon + 2));
    }
    return new FileProblem("", 0, 0, message);
  }

  private record Source(Path path, MigrationName name, String text, Path scriptConfig) {}

  private static MigrationSet build(
      List<Source> sources,
      FrontEndOptions options,
      FlywaySettings flyway,
      List<FileProblem> problems,
      List<dev.greenlight.linter.flyway.DuplicateVersion> duplicates) {
    AtomicInteger transactionIds = new AtomicInteger();
    Set<Path> changed = new HashSet<>();
    if (options.changedFiles() != null) {
      for (Path p : options.changedFiles()) {
        changed.add(absolute(p, options.baseDirectory()));
      }
    }
    Map<String, String> placeholders =
        flyway.placeholderReplacement() ? flyway.placeholders() : Map.of();
    int n = sources.size();
    // Files are read and parsed in parallel; the schema is replayed in Flyway order on this
    // thread as soon as the next file is ready, so replay overlaps with parsing. While the next
    // file is not ready, this thread parses files itself.
    AtomicInteger nextToParse = new AtomicInteger();
    AtomicReferenceArray<Migration> parsedFiles = new AtomicReferenceArray<>(n);
    Object progress = new Object();
    Runnable parseNext =
        () -> {
          int i = nextToParse.getAndIncrement();
          if (i < n) {
            parsedFiles.set(
                i,
                readAndParseSafely(
                    i, sources.get(i), options, placeholders, changed, transactionIds));
            synchronized (progress) {
              progress.notifyAll();
            }
          }
        };
    int helpers = Math.min(ForkJoinPool.getCommonPoolParallelism(), Math.max(0, n - 1));
    for (int h = 0; h < helpers; h++) {
      ForkJoinPool.commonPool()
          .execute(
              () -> {
                while (nextToParse.get() < n) {
                  parseNext.run();
                }
              });
    }
    List<Migration> migrations = new ArrayList<>(n);
    SchemaReplay replay = new SchemaReplay(flyway.defaultSchema(), options.sinceMode());
    int step = 0;
    for (int r = 0; r < n; r++) {
      Migration m;
      while ((m = parsedFiles.get(r)) == null) {
        if (nextToParse.get() < n) {
          parseNext.run();
        } else {
          synchronized (progress) {
            if (parsedFiles.get(r) == null) {
              try {
                progress.wait(1);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
            }
          }
        }
      }
      migrations.add(m);
      problems.addAll(m.problems());
      List<Statement> parsed = m.parsed();
      List<Transaction> txs = m.transactionPlan().transactions();
      for (int i = 0; i < parsed.size(); i++) {
        Statement s = parsed.get(i);
        Transaction tx = txs.get(i);
        Step st = new Step(step++, m.index(), tx.id(), m.inChange());
        MigrationStatement ms =
            new MigrationStatement(s, m, i, tx, replay.viewBefore(st), null, false);
        m.addTopLevel(ms);
        applySafely(replay, s, st, m, problems);
        if (s instanceof DoBlock) {
          for (DoBlock.Embedded e : ((DoBlock) s).statements()) {
            Step es = new Step(step++, m.index(), tx.id(), m.inChange());
            m.addEmbedded(
                new MigrationStatement(
                    e.statement(), m, i, tx, replay.viewBefore(es), ms, e.viaExecute()));
            applySafely(replay, e.statement(), es, m, problems);
          }
        }
      }
      options.progress().filesLoaded(r + 1, n);
    }
    return new MigrationSet(
        List.copyOf(migrations), List.copyOf(problems), duplicates, flyway, options);
  }

  private static void applySafely(
      SchemaReplay replay, Statement s, Step step, Migration m, List<FileProblem> problems) {
    try {
      replay.apply(s, step);
    } catch (RuntimeException e) {
      problems.add(
          new FileProblem(
              m.displayPath(),
              s.span().line(),
              s.span().column(),
              "internal error replaying this statement into the schema: " + e));
    }
  }

  private static Path absolute(Path p, Path base) {
    return (p.isAbsolute() ? p : base.resolve(p)).toAbsolutePath().normalize();
  }

  static String displayPath(Path path, Path base) {
    Path abs = absolute(path, base);
    Path b = base.toAbsolutePath().normalize();
    Path shown = abs.startsWith(b) ? b.relativize(abs) : path;
    return shown.toString().replace('\\', '/');
  }

  /** {@link #readAndParse}, turning an unexpected failure into a file problem (never thrown). */
  private static Migration readAndParseSafely(
      int index,
      Source source,
      FrontEndOptions options,
      Map<String, String> placeholders,
      Set<Path> changed,
      AtomicInteger transactionIds) {
    try {
      return readAndParse(index, source, options, placeholders, changed, transactionIds);
    } catch (RuntimeException | StackOverflowError e) {
      String display = displayPath(source.path(), options.baseDirectory());
      SourceText empty = SourceText.of("");
      return new Migration(
          index,
          source.path(),
          display,
          source.name(),
          "",
          ScriptConfig.NONE,
          empty,
          List.of(),
          List.of(),
          TransactionPlan.plan(
              List.of(), options.runner(), ScriptConfig.NONE, options.pgVersion(), transactionIds),
          List.of(new FileProblem(display, 0, 0, "internal error while reading: " + e)),
          false);
    }
  }

  private static Migration readAndParse(
      int index,
      Source source,
      FrontEndOptions options,
      Map<String, String> placeholders,
      Set<Path> changed,
      AtomicInteger transactionIds) {
    String display = displayPath(source.path(), options.baseDirectory());
    List<FileProblem> problems = new ArrayList<>();
    List<String> configProblems = new ArrayList<>();
    ScriptConfig config =
        source.scriptConfig() == null
            ? ScriptConfig.NONE
            : ScriptConfig.read(source.scriptConfig(), configProblems);
    for (String p : configProblems) {
      problems.add(plainProblem(p));
    }
    String checksum = "";
    String text;
    if (source.text() != null) {
      text = source.text();
      checksum = sha256(text.getBytes(StandardCharsets.UTF_8));
    } else {
      byte[] bytes;
      try {
        bytes = Files.readAllBytes(source.path());
      } catch (IOException | RuntimeException e) {
        bytes = null;
        problems.add(new FileProblem(display, 0, 0, "cannot read: " + describe(e)));
      }
      if (bytes == null) {
        text = "";
      } else {
        checksum = sha256(bytes);
        text = decode(bytes, config.encoding(), display, problems);
      }
    }
    SourceText src = SourceText.of(text);
    Script script = Script.split(src);
    for (LexProblem p : script.problems()) {
      problems.add(new FileProblem(display, p.span().line(), p.span().column(), p.message()));
    }
    List<Statement> parsed = Parser.parseAll(script, placeholders);
    TransactionPlan plan =
        TransactionPlan.plan(parsed, options.runner(), config, options.pgVersion(), transactionIds);
    boolean inChange = changed.contains(absolute(source.path(), options.baseDirectory()));
    return new Migration(
        index,
        source.path(),
        display,
        source.name(),
        checksum,
        config,
        src,
        script.tokens().comments(),
        parsed,
        plan,
        List.copyOf(problems),
        inChange);
  }

  private static String describe(Exception e) {
    if (e instanceof java.nio.file.NoSuchFileException) {
      return "no such file";
    }
    if (e instanceof java.nio.file.AccessDeniedException) {
      return "permission denied";
    }
    return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
  }

  /** Decodes file bytes; binary or invalid input is reported with its position and dropped. */
  static String decode(byte[] bytes, String encoding, String display, List<FileProblem> problems) {
    int start = 0;
    if (bytes.length >= 3
        && (bytes[0] & 0xff) == 0xef
        && (bytes[1] & 0xff) == 0xbb
        && (bytes[2] & 0xff) == 0xbf) {
      start = 3;
    }
    Charset charset = StandardCharsets.UTF_8;
    if (encoding != null) {
      try {
        charset = Charset.forName(encoding);
      } catch (RuntimeException e) {
        problems.add(
            new FileProblem(display, 0, 0, "unknown encoding '" + encoding + "' in its .sql.conf"));
      }
    }
    for (int i = start; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        String before = new String(bytes, start, i - start, charset);
        int[] lc = lineColumn(before);
        problems.add(
            new FileProblem(display, lc[0], lc[1], "binary file (NUL byte), not SQL text"));
        return "";
      }
    }
    CharsetDecoder decoder =
        charset
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes, start, bytes.length - start);
    CharBuffer out = CharBuffer.allocate((int) ((bytes.length - start) * 1.1) + 16);
    CoderResult r = decoder.decode(in, out, true);
    if (r.isError()) {
      out.flip();
      int[] lc = lineColumn(out);
      problems.add(
          new FileProblem(
              display,
              lc[0],
              lc[1],
              "invalid "
                  + charset.name()
                  + " (byte 0x"
                  + String.format("%02x", bytes[in.position()] & 0xff)
                  + " at offset "
                  + in.position()
                  + ")"));
      return "";
    }
    decoder.flush(out);
    out.flip();
    return out.toString();
  }

  private static int[] lineColumn(CharSequence before) {
    int line = 1;
    int col = 1;
    for (int i = 0; i < before.length(); i++) {
      if (before.charAt(i) == '\n') {
        line++;
        col = 1;
      } else {
        col++;
      }
    }
    return new int[] {line, col};
  }

  static String sha256(byte[] bytes) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(bytes);
      StringBuilder b = new StringBuilder("sha256:");
      for (byte x : d) {
        b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
      }
      return b.toString();
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is required of every JVM", e);
    }
  }
}
