package dev.greenlight.gate.config;

import dev.greenlight.gate.auth.ApiToken;
import dev.greenlight.gate.auth.Authenticator;
import dev.greenlight.gate.auth.Role;
import dev.greenlight.gate.decision.EvidenceKind;
import dev.greenlight.gate.decision.Policy;
import dev.greenlight.gate.decision.SessionStorage;
import dev.greenlight.gate.decision.Severity;
import dev.greenlight.gate.decision.Slot;
import dev.greenlight.gate.decision.WarmupVerdict;
import java.io.IOException;
import java.io.StringReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.error.YAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Reads gate.yaml from SnakeYAML's node tree so that every error names the file, line and column of
 * the offending key or value. Unknown keys are errors; anything not given keeps its fail-closed
 * default.
 */
public final class GateConfigLoader {
  private static final Set<String> TOP_KEYS =
      Set.of("tokens", "anonymous-read", "defaults", "apps", "codedeploy");
  private static final Set<String> POLICY_KEYS =
      Set.of(
          "require-evidence",
          "blocking-severity",
          "min-instances",
          "agent-report-ttl",
          "accepted-warmup",
          "allowed-session-storage",
          "max-live-sessions-at-risk",
          "decision-valid-for",
          "insurance-window",
          "initial-live-slot");
  private static final Pattern DURATION = Pattern.compile("(\\d+)(ms|s|m|h|d)");
  private static final Pattern HEX64 = Pattern.compile("[0-9a-fA-F]{64}");

  private final String source;

  private GateConfigLoader(String source) {
    this.source = source;
  }

  public static GateConfig load(Path file) throws ConfigException {
    String text;
    try {
      text = Files.readString(file, StandardCharsets.UTF_8);
    } catch (java.nio.file.NoSuchFileException e) {
      throw new ConfigException(file + ": no such file");
    } catch (IOException e) {
      throw new ConfigException(file + ": cannot read the gate config: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  public static GateConfig parse(String yaml, String source) throws ConfigException {
    return new GateConfigLoader(source).parse(yaml);
  }

  private GateConfig parse(String yaml) throws ConfigException {
    Node root;
    try {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(false);
      options.setMaxAliasesForCollections(10);
      root = new Yaml(options).compose(new StringReader(yaml));
    } catch (MarkedYAMLException e) {
      var mark = e.getProblemMark();
      throw new ConfigException(
          source
              + ":"
              + (mark.getLine() + 1)
              + ":"
              + (mark.getColumn() + 1)
              + ": not valid YAML: "
              + e.getProblem());
    } catch (YAMLException e) {
      throw new ConfigException(source + ": not valid YAML: " + e.getMessage());
    }
    GateConfig base = GateConfig.failClosed();
    if (root == null) {
      return base;
    }
    Map<String, NodeTuple> top = mapping(root, "the top level", TOP_KEYS);
    List<ApiToken> tokens =
        top.containsKey("tokens") ? tokens(top.get("tokens").getValueNode()) : List.of();
    boolean anonymousRead =
        top.containsKey("anonymous-read") && bool(top.get("anonymous-read").getValueNode());
    Policy defaults =
        top.containsKey("defaults")
            ? policy(top.get("defaults").getValueNode(), base.defaults(), "defaults", Set.of())
            : base.defaults();
    Map<String, Map<String, EnvSettings>> apps =
        top.containsKey("apps") ? apps(top.get("apps").getValueNode(), defaults) : Map.of();
    CodeDeploySettings codeDeploy =
        top.containsKey("codedeploy")
            ? codeDeploy(top.get("codedeploy").getValueNode(), base.codeDeploy())
            : base.codeDeploy();
    return new GateConfig(tokens, anonymousRead, defaults, apps, codeDeploy);
  }

  private List<ApiToken> tokens(Node node) throws ConfigException {
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, "'tokens' must be a list of {name, role, token | sha256}");
    }
    List<ApiToken> tokens = new ArrayList<>();
    Set<String> names = new HashSet<>();
    for (Node item : seq.getValue()) {
      Map<String, NodeTuple> m =
          mapping(item, "a token", Set.of("name", "role", "token", "sha256"));
      String name = requiredScalar(m, "name", item);
      if (!names.add(name)) {
        throw error(m.get("name").getValueNode(), "token name '" + name + "' is used twice");
      }
      Node roleNode = required(m, "role", item);
      Role role = oneOf(roleNode, Role::parse, "agent, ci, deployer, approver, viewer");
      byte[] digest;
      if (m.containsKey("token") == m.containsKey("sha256")) {
        throw error(item, "token '" + name + "' needs exactly one of 'token' or 'sha256'");
      } else if (m.containsKey("token")) {
        String plain = scalar(m.get("token").getValueNode());
        if (plain.isEmpty()) {
          throw error(m.get("token").getValueNode(), "token '" + name + "' is empty");
        }
        digest = Authenticator.sha256(plain);
      } else {
        Node hex = m.get("sha256").getValueNode();
        if (!HEX64.matcher(scalar(hex)).matches()) {
          throw error(hex, "sha256 of token '" + name + "' must be 64 hex digits");
        }
        digest = HexFormat.of().parseHex(scalar(hex).toLowerCase(java.util.Locale.ROOT));
      }
      tokens.add(new ApiToken(name, role, digest));
    }
    return tokens;
  }

  private Map<String, Map<String, EnvSettings>> apps(Node node, Policy defaults)
      throws ConfigException {
    Map<String, NodeTuple> apps = mapping(node, "apps", null);
    Map<String, Map<String, EnvSettings>> result = new LinkedHashMap<>();
    for (var entry : apps.entrySet()) {
      String app = entry.getKey();
      checkName(entry.getValue().getKeyNode(), app, "app");
      Map<String, NodeTuple> appMap =
          mapping(entry.getValue().getValueNode(), "apps." + app, Set.of("envs"));
      Map<String, EnvSettings> envs = new LinkedHashMap<>();
      if (appMap.containsKey("envs")) {
        for (var envEntry :
            mapping(appMap.get("envs").getValueNode(), "apps." + app + ".envs", null).entrySet()) {
          String env = envEntry.getKey();
          checkName(envEntry.getValue().getKeyNode(), env, "environment");
          String where = "apps." + app + ".envs." + env;
          Node envNode = envEntry.getValue().getValueNode();
          Policy policy = policy(envNode, defaults, where, Set.of("router"));
          Map<String, NodeTuple> envMap = mapping(envNode, where, null);
          Optional<RouterSettings> router =
              envMap.containsKey("router")
                  ? Optional.of(router(envMap.get("router").getValueNode(), where + ".router"))
                  : Optional.empty();
          envs.put(env, new EnvSettings(policy, router));
        }
      }
      result.put(app, envs);
    }
    return result;
  }

  private Policy policy(Node node, Policy base, String where, Set<String> extraKeys)
      throws ConfigException {
    Set<String> allowed = new HashSet<>(POLICY_KEYS);
    allowed.addAll(extraKeys);
    Map<String, NodeTuple> m = mapping(node, where, allowed);
    Set<EvidenceKind> requireEvidence =
        m.containsKey("require-evidence")
            ? enumSet(
                m.get("require-evidence").getValueNode(),
                EvidenceKind.class,
                EvidenceKind::parse,
                "lint, verify")
            : base.requireEvidence();
    Severity severity =
        m.containsKey("blocking-severity")
            ? oneOf(
                m.get("blocking-severity").getValueNode(), Severity::parse, "error, warning, info")
            : base.blockingSeverity();
    int minInstances =
        m.containsKey("min-instances")
            ? (int) count(m.get("min-instances").getValueNode(), 0, 10_000)
            : base.minInstances();
    Duration ttl =
        m.containsKey("agent-report-ttl")
            ? duration(m.get("agent-report-ttl").getValueNode())
            : base.agentReportTtl();
    Set<WarmupVerdict> warmup =
        m.containsKey("accepted-warmup")
            ? enumSet(
                m.get("accepted-warmup").getValueNode(),
                WarmupVerdict.class,
                WarmupVerdict::parse,
                "WARM, WARMING, NO_STEADY_STATE, DEGRADED, INSUFFICIENT_DATA")
            : base.acceptedWarmup();
    Set<SessionStorage> storage =
        m.containsKey("allowed-session-storage")
            ? enumSet(
                m.get("allowed-session-storage").getValueNode(),
                SessionStorage.class,
                SessionStorage::parse,
                "NONE, IN_MEMORY, LOCAL_DISK, REPLICATED_CLUSTER, SHARED, UNKNOWN")
            : base.allowedSessionStorage();
    long maxAtRisk =
        m.containsKey("max-live-sessions-at-risk")
            ? count(m.get("max-live-sessions-at-risk").getValueNode(), 0, Long.MAX_VALUE)
            : base.maxLiveSessionsAtRisk();
    Duration validFor =
        m.containsKey("decision-valid-for")
            ? duration(m.get("decision-valid-for").getValueNode())
            : base.decisionValidFor();
    Duration insurance =
        m.containsKey("insurance-window")
            ? duration(m.get("insurance-window").getValueNode())
            : base.insuranceWindow();
    Slot initial =
        m.containsKey("initial-live-slot")
            ? oneOf(m.get("initial-live-slot").getValueNode(), Slot::parse, "blue, green")
            : base.initialLiveSlot();
    return new Policy(
        requireEvidence,
        severity,
        minInstances,
        ttl,
        warmup,
        storage,
        maxAtRisk,
        validFor,
        insurance,
        initial);
  }

  private RouterSettings router(Node node, String where) throws ConfigException {
    Map<String, NodeTuple> m =
        mapping(
            node, where, Set.of("type", "socket", "backend", "servers", "retire-state", "command"));
    Node typeNode = required(m, "type", node);
    String type = scalar(typeNode);
    switch (type) {
      case "haproxy" -> {
        for (String k : List.of("command")) {
          if (m.containsKey(k)) {
            throw error(
                m.get(k).getKeyNode(), "key '" + k + "' does not apply to a haproxy router");
          }
        }
        Path socket = Path.of(requiredScalar(m, "socket", node));
        String backend = requiredScalar(m, "backend", node);
        Node serversNode = required(m, "servers", node);
        Map<String, NodeTuple> servers =
            mapping(serversNode, where + ".servers", Set.of("blue", "green"));
        Map<Slot, List<String>> bySlot = new EnumMap<>(Slot.class);
        for (Slot slot : Slot.values()) {
          NodeTuple t = servers.get(slot.wire());
          if (t == null) {
            throw error(serversNode, where + ".servers needs a server for '" + slot.wire() + "'");
          }
          bySlot.put(slot, stringList(t.getValueNode()));
        }
        String retire =
            m.containsKey("retire-state") ? scalar(m.get("retire-state").getValueNode()) : "drain";
        if (!retire.equals("drain") && !retire.equals("maint")) {
          throw error(m.get("retire-state").getValueNode(), "retire-state must be drain or maint");
        }
        return new RouterSettings.Haproxy(socket, backend, bySlot, retire);
      }
      case "command" -> {
        for (String k : List.of("socket", "backend", "servers", "retire-state")) {
          if (m.containsKey(k)) {
            throw error(
                m.get(k).getKeyNode(), "key '" + k + "' does not apply to a command router");
          }
        }
        Node cmd = required(m, "command", node);
        List<String> argv = stringList(cmd);
        if (argv.isEmpty()) {
          throw error(cmd, "command must name a program");
        }
        return new RouterSettings.Command(argv);
      }
      default ->
          throw error(typeNode, "unknown router type '" + type + "' (types: haproxy, command)");
    }
  }

  private CodeDeploySettings codeDeploy(Node node, CodeDeploySettings base) throws ConfigException {
    Map<String, NodeTuple> m =
        mapping(node, "codedeploy", Set.of("endpoint", "region", "max-wait", "poll-interval"));
    String region =
        m.containsKey("region") ? scalar(m.get("region").getValueNode()) : base.region();
    URI endpoint = URI.create("https://codedeploy." + region + ".amazonaws.com/");
    if (m.containsKey("endpoint")) {
      Node e = m.get("endpoint").getValueNode();
      try {
        endpoint = URI.create(scalar(e));
      } catch (IllegalArgumentException ex) {
        throw error(e, "endpoint is not a URL: " + ex.getMessage());
      }
      if (endpoint.getScheme() == null || !endpoint.getScheme().startsWith("http")) {
        throw error(e, "endpoint must be an http(s) URL");
      }
    }
    Duration maxWait =
        m.containsKey("max-wait") ? duration(m.get("max-wait").getValueNode()) : base.maxWait();
    Duration poll =
        m.containsKey("poll-interval")
            ? duration(m.get("poll-interval").getValueNode())
            : base.pollInterval();
    return new CodeDeploySettings(endpoint, region, maxWait, poll);
  }

  // --- node helpers -------------------------------------------------------------------------

  private Map<String, NodeTuple> mapping(Node node, String where, Set<String> allowed)
      throws ConfigException {
    if (!(node instanceof MappingNode map)) {
      throw error(node, "'" + where + "' must be a mapping");
    }
    Map<String, NodeTuple> result = new LinkedHashMap<>();
    for (NodeTuple t : map.getValue()) {
      String key = scalar(t.getKeyNode());
      if (allowed != null && !allowed.contains(key)) {
        throw error(
            t.getKeyNode(),
            "unknown key '"
                + key
                + "' in "
                + where
                + " (known: "
                + String.join(", ", new java.util.TreeSet<>(allowed))
                + ")");
      }
      if (result.put(key, t) != null) {
        throw error(t.getKeyNode(), "key '" + key + "' appears twice in " + where);
      }
    }
    return result;
  }

  private Node required(Map<String, NodeTuple> m, String key, Node parent) throws ConfigException {
    NodeTuple t = m.get(key);
    if (t == null) {
      throw error(parent, "missing key '" + key + "'");
    }
    return t.getValueNode();
  }

  private String requiredScalar(Map<String, NodeTuple> m, String key, Node parent)
      throws ConfigException {
    Node n = required(m, key, parent);
    String value = scalar(n);
    if (value.isBlank()) {
      throw error(n, "'" + key + "' must not be empty");
    }
    return value;
  }

  private String scalar(Node node) throws ConfigException {
    if (!(node instanceof ScalarNode s)) {
      throw error(node, "expected a single value here");
    }
    return s.getValue();
  }

  private boolean bool(Node node) throws ConfigException {
    String v = scalar(node);
    if (v.equals("true")) {
      return true;
    }
    if (v.equals("false")) {
      return false;
    }
    throw error(node, "expected true or false, got '" + v + "'");
  }

  private long count(Node node, long min, long max) throws ConfigException {
    String v = scalar(node);
    try {
      long n = Long.parseLong(v);
      if (n < min || n > max) {
        throw error(node, "expected a number from " + min + " to " + max + ", got " + v);
      }
      return n;
    } catch (NumberFormatException e) {
      throw error(node, "expected a whole number, got '" + v + "'");
    }
  }

  private Duration duration(Node node) throws ConfigException {
    String v = scalar(node);
    Matcher m = DURATION.matcher(v);
    if (!m.matches()) {
      throw error(node, "expected a duration like 500ms, 60s, 30m, 2h or 1d, got '" + v + "'");
    }
    long n = Long.parseLong(m.group(1));
    Duration d =
        switch (m.group(2)) {
          case "ms" -> Duration.ofMillis(n);
          case "s" -> Duration.ofSeconds(n);
          case "m" -> Duration.ofMinutes(n);
          case "h" -> Duration.ofHours(n);
          default -> Duration.ofDays(n);
        };
    if (d.isZero()) {
      throw error(node, "a duration of zero would make every decision expire at once");
    }
    return d;
  }

  private <T> T oneOf(Node node, Function<String, Optional<T>> parser, String known)
      throws ConfigException {
    String v = scalar(node);
    return parser
        .apply(v)
        .orElseThrow(() -> error(node, "unknown value '" + v + "' (one of: " + known + ")"));
  }

  private <E extends Enum<E>> Set<E> enumSet(
      Node node, Class<E> type, Function<String, Optional<E>> parser, String known)
      throws ConfigException {
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, "expected a list like [" + known.split(", ")[0] + "]");
    }
    EnumSet<E> set = EnumSet.noneOf(type);
    for (Node item : seq.getValue()) {
      set.add(oneOf(item, parser, known));
    }
    return set;
  }

  private List<String> stringList(Node node) throws ConfigException {
    if (node instanceof ScalarNode) {
      return List.of(scalar(node));
    }
    if (!(node instanceof SequenceNode seq)) {
      throw error(node, "expected a value or a list of values");
    }
    List<String> values = new ArrayList<>();
    for (Node item : seq.getValue()) {
      values.add(scalar(item));
    }
    return values;
  }

  private void checkName(Node node, String name, String what) throws ConfigException {
    if (!Names.valid(name)) {
      throw error(node, what + " name '" + name + "' is not valid: " + Names.rule());
    }
  }

  private ConfigException error(Node node, String message) {
    var mark = node.getStartMark();
    return new ConfigException(
        source + ":" + (mark.getLine() + 1) + ":" + (mark.getColumn() + 1) + ": " + message);
  }
}
