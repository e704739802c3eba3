package dev.greenlight.samples.integrations;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads the integration files under {@code samples/integrations} and extracts the requests each one
 * makes to the gate. Values that come from secrets or the CI system are filled from the {@code
 * context} map given by the test (e.g. {@code secrets.GREENLIGHT_CI_TOKEN}), so the same extraction
 * serves the exact-request test and the replay against a real gate.
 */
final class IntegrationFiles {
  static final Path ROOT = locate();
  static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

  private static final Pattern ARGS = Pattern.compile("\\{\\{args\\.([A-Za-z0-9-]+)}}");
  private static final Pattern EXPRESSION = Pattern.compile("\\$\\{\\{\\s*([^}]+?)\\s*}}");
  private static final Pattern SHELL_VAR = Pattern.compile("\\$\\{?([A-Za-z_][A-Za-z0-9_]*)}?");

  private final Map<String, String> context;

  /**
   * @param context values of secrets, CI variables and shell environment, by the name the file
   *     uses: {@code secret:greenlight-gate/deployer-token}, {@code secrets.GREENLIGHT_CI_TOKEN},
   *     {@code vars.GREENLIGHT_GATE}, {@code github.event.pull_request.head.sha}, {@code
   *     GREENLIGHT_GATE}, …
   */
  IntegrationFiles(Map<String, String> context) {
    this.context = Map.copyOf(context);
  }

  private static Path locate() {
    Path here = Path.of("").toAbsolutePath();
    for (Path p = here; p != null; p = p.getParent()) {
      if (Files.isDirectory(p.resolve("argo-rollouts"))
          && Files.isDirectory(p.resolve("flagger"))) {
        return p;
      }
      Path nested = p.resolve("samples/integrations");
      if (Files.isDirectory(nested.resolve("argo-rollouts"))) {
        return nested;
      }
    }
    throw new IllegalStateException("samples/integrations not found above " + here);
  }

  /** Every YAML and JSON file of the integrations, relative to {@link #ROOT}. */
  static List<Path> configFiles() throws IOException {
    try (Stream<Path> files = Files.walk(ROOT)) {
      return files
          .filter(Files::isRegularFile)
          .filter(
              p ->
                  !ROOT.relativize(p).startsWith("src") && !ROOT.relativize(p).startsWith("target"))
          .filter(p -> p.getFileName().toString().matches(".*\\.(ya?ml|json)$"))
          .map(ROOT::relativize)
          .sorted()
          .toList();
    }
  }

  /** All documents of a YAML file (or the one of a JSON file). */
  static List<JsonNode> documents(Path relative) throws IOException {
    List<JsonNode> docs = new ArrayList<>();
    try (MappingIterator<JsonNode> it =
        YAML.readerFor(JsonNode.class).readValues(ROOT.resolve(relative).toFile())) {
      while (it.hasNext()) {
        docs.add(it.next());
      }
    }
    return docs;
  }

  static String text(Path relative) {
    try {
      return Files.readString(ROOT.resolve(relative));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * Every request, in a fixed order: Argo, Flagger, CodeDeploy EC2, CodeDeploy ECS, GitHub, GitLab.
   */
  List<GateCall> calls() throws IOException {
    List<GateCall> calls = new ArrayList<>();
    calls.add(argo());
    calls.add(flagger());
    calls.add(codeDeployEc2());
    calls.add(codeDeployLambda());
    calls.add(githubActions());
    calls.add(gitlab());
    return calls;
  }

  /** The AnalysisTemplate's web metric, with the Rollout's prePromotionAnalysis args. */
  GateCall argo() throws IOException {
    Path templateFile = Path.of("argo-rollouts/analysis-template.yaml");
    JsonNode template = documents(templateFile).get(0);
    Map<String, String> args = new LinkedHashMap<>();
    for (JsonNode arg : template.path("spec").path("args")) {
      JsonNode secret = arg.path("valueFrom").path("secretKeyRef");
      if (!secret.isMissingNode()) {
        args.put(
            arg.get("name").asText(),
            value("secret:" + secret.get("name").asText() + "/" + secret.get("key").asText()));
      } else if (arg.has("value")) {
        args.put(arg.get("name").asText(), arg.get("value").asText());
      }
    }
    JsonNode rollout =
        documents(Path.of("argo-rollouts/rollout.yaml")).stream()
            .filter(d -> d.path("kind").asText().equals("Rollout"))
            .findFirst()
            .orElseThrow();
    JsonNode analysis =
        rollout.path("spec").path("strategy").path("blueGreen").path("prePromotionAnalysis");
    for (JsonNode arg : analysis.path("args")) {
      args.put(arg.get("name").asText(), arg.get("value").asText());
    }
    JsonNode web = template.path("spec").path("metrics").get(0).path("provider").path("web");
    Map<String, String> headers = new LinkedHashMap<>();
    for (JsonNode h : web.path("headers")) {
      headers.put(h.get("key").asText(), substitute(ARGS, h.get("value").asText(), args::get));
    }
    return GateCall.of(
        templateFile.toString(),
        web.path("method").asText("GET"),
        substitute(ARGS, web.get("url").asText(), args::get),
        headers,
        null);
  }

  /** The Canary's confirm-promotion webhook, with the body Flagger sends. */
  GateCall flagger() throws IOException {
    Path file = Path.of("flagger/canary.yaml");
    JsonNode canary = documents(file).get(0);
    JsonNode hook = null;
    for (JsonNode h : canary.path("spec").path("analysis").path("webhooks")) {
      if (h.path("type").asText().equals("confirm-promotion")) {
        hook = h;
      }
    }
    if (hook == null) {
      throw new IllegalStateException(file + " has no confirm-promotion webhook");
    }
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("name", canary.path("metadata").path("name").asText());
    payload.put("namespace", canary.path("metadata").path("namespace").asText());
    payload.put("phase", "Progressing");
    payload.put("checksum", "5f7c9b8d6");
    payload.put("metadata", YAML.convertValue(hook.path("metadata"), Map.class));
    String url =
        hook.get("url").asText().replace("REPLACE_WITH_VIEWER_TOKEN", value("viewer-token"));
    return GateCall.of(
        file.toString(),
        "POST",
        url,
        Map.of("Content-Type", "application/json"),
        new ObjectMapper().writeValueAsString(payload));
  }

  /** The EC2 BeforeAllowTraffic script named by appspec.yml: its curl request. */
  GateCall codeDeployEc2() throws IOException {
    JsonNode appspec = documents(Path.of("codedeploy/ec2/appspec.yml")).get(0);
    String location =
        appspec.path("hooks").path("BeforeAllowTraffic").get(0).path("location").asText();
    Path script = Path.of("codedeploy/ec2").resolve(location);
    String text = text(script);
    Matcher url = Pattern.compile("(?m)^url=\"([^\"]+)\"").matcher(text);
    if (!url.find()) {
      throw new IllegalStateException(script + " has no url=\"…\" line");
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Matcher h = Pattern.compile("-H \"([^:]+): ([^\"]+)\"").matcher(text);
    while (h.find()) {
      headers.put(h.group(1), shell(h.group(2)));
    }
    return GateCall.of(script.toString(), "GET", shell(url.group(1)), headers, null);
  }

  /** The ECS Lambda: the request {@code gate_request} builds. */
  GateCall codeDeployLambda() {
    Path file = Path.of("codedeploy/ecs/lambda_function.py");
    String text = text(file);
    Matcher url = Pattern.compile("f\"\\{gate}(/v1/[^\"]+)\"").matcher(text);
    Matcher method = Pattern.compile("return \"([A-Z]+)\", url").matcher(text);
    if (!url.find() || !method.find()) {
      throw new IllegalStateException(file + ": gate_request no longer builds url and method");
    }
    String path =
        url.group(1)
            .replace("{app}", value("GREENLIGHT_APP"))
            .replace("{env}", value("GREENLIGHT_ENV"));
    Map<String, String> headers = new LinkedHashMap<>();
    headers.put("Authorization", "Bearer " + value("GREENLIGHT_DEPLOY_TOKEN"));
    headers.put("Content-Type", "application/json");
    require(text, "\"Authorization\": \"Bearer \" + os.environ[\"GREENLIGHT_DEPLOY_TOKEN\"]");
    require(text, "\"Content-Type\": \"application/json\"");
    return GateCall.of(
        file.toString(), method.group(1), value("GREENLIGHT_GATE") + path, headers, null);
  }

  /** The workflow step that sends the lint report to the gate. */
  GateCall githubActions() throws IOException {
    Path file = Path.of("github-actions/greenlight.yml");
    JsonNode workflow = documents(file).get(0);
    Map<String, String> env = new LinkedHashMap<>();
    workflow
        .path("env")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), expression(e.getValue().asText())));
    for (JsonNode job : iterable(workflow.path("jobs"))) {
      for (JsonNode step : job.path("steps")) {
        String run = step.path("run").asText();
        if (run.contains("curl") && run.contains("-X PUT")) {
          Map<String, String> stepEnv = new LinkedHashMap<>(env);
          step.path("env")
              .fields()
              .forEachRemaining(e -> stepEnv.put(e.getKey(), expression(e.getValue().asText())));
          return curl(file, run, stepEnv);
        }
      }
    }
    throw new IllegalStateException(file + " has no step that PUTs to the gate");
  }

  /** The GitLab job that sends the lint report to the gate. */
  GateCall gitlab() throws IOException {
    Path file = Path.of("gitlab-ci/.gitlab-ci.yml");
    JsonNode pipeline = documents(file).get(0);
    Map<String, String> env = new LinkedHashMap<>();
    pipeline
        .path("variables")
        .fields()
        .forEachRemaining(e -> env.put(e.getKey(), shell(e.getValue().asText())));
    for (JsonNode line : pipeline.path("greenlight-evidence").path("script")) {
      if (line.asText().contains("curl")) {
        return curl(file, line.asText(), env);
      }
    }
    throw new IllegalStateException(file + ": job greenlight-evidence has no curl");
  }

  /** The shell commands of the GitLab job and the GitHub step, for running them for real. */
  String githubStepScript() throws IOException {
    JsonNode workflow = documents(Path.of("github-actions/greenlight.yml")).get(0);
    for (JsonNode job : iterable(workflow.path("jobs"))) {
      for (JsonNode step : job.path("steps")) {
        if (step.path("run").asText().contains("-X PUT")) {
          return step.path("run").asText();
        }
      }
    }
    throw new IllegalStateException("no gate step");
  }

  String gitlabJobScript() throws IOException {
    JsonNode pipeline = documents(Path.of("gitlab-ci/.gitlab-ci.yml")).get(0);
    StringBuilder script = new StringBuilder();
    for (JsonNode line : pipeline.path("greenlight-evidence").path("script")) {
      script.append(line.asText()).append('\n');
    }
    return script.toString();
  }

  private GateCall curl(Path file, String command, Map<String, String> env) {
    List<String> words = words(command);
    String method = "GET";
    String url = null;
    String body = null;
    Map<String, String> headers = new LinkedHashMap<>();
    for (int i = 0; i < words.size(); i++) {
      String w = words.get(i);
      switch (w) {
        case "-X" -> method = words.get(++i);
        case "-H" -> {
          String header = words.get(++i);
          int colon = header.indexOf(':');
          headers.put(header.substring(0, colon), shell(header.substring(colon + 1).trim(), env));
        }
        case "--data-binary", "--data", "-d" -> body = words.get(++i);
        default -> {
          if (w.contains("://") || w.startsWith("$")) {
            url = shell(w, env);
          }
        }
      }
    }
    if (url == null) {
      throw new IllegalStateException(file + ": curl without a URL: " + command);
    }
    return GateCall.of(file.toString(), method, url, headers, body);
  }

  /** Splits a command into words: whitespace outside double quotes; quotes removed. */
  static List<String> words(String command) {
    List<String> words = new ArrayList<>();
    StringBuilder w = new StringBuilder();
    boolean quoted = false;
    boolean inWord = false;
    for (char c : command.toCharArray()) {
      if (c == '"') {
        quoted = !quoted;
        inWord = true;
      } else if (Character.isWhitespace(c) && !quoted) {
        if (inWord) {
          words.add(w.toString());
          w.setLength(0);
          inWord = false;
        }
      } else {
        w.append(c);
        inWord = true;
      }
    }
    if (inWord) {
      words.add(w.toString());
    }
    return words;
  }

  private String expression(String text) {
    return substitute(EXPRESSION, text, this::value);
  }

  private String shell(String text) {
    return shell(text, Map.of());
  }

  private String shell(String text, Map<String, String> env) {
    return substitute(
        SHELL_VAR, text, name -> env.containsKey(name) ? shell(env.get(name), env) : value(name));
  }

  private String value(String name) {
    String v = context.get(name);
    if (v == null) {
      throw new IllegalStateException("the test gives no value for '" + name + "'");
    }
    return v;
  }

  private static String substitute(
      Pattern p, String text, java.util.function.Function<String, String> values) {
    Matcher m = p.matcher(text);
    StringBuilder out = new StringBuilder();
    while (m.find()) {
      String v = values.apply(m.group(1));
      if (v == null) {
        throw new IllegalStateException("no value for " + m.group() + " in: " + text);
      }
      m.appendReplacement(out, Matcher.quoteReplacement(v));
    }
    m.appendTail(out);
    return out.toString();
  }

  private static void require(String text, String fragment) {
    if (!text.contains(fragment)) {
      throw new IllegalStateException("expected in the Lambda: " + fragment);
    }
  }

  private static Iterable<JsonNode> iterable(JsonNode node) {
    List<JsonNode> list = new ArrayList<>();
    node.elements().forEachRemaining(list::add);
    return list;
  }
}
