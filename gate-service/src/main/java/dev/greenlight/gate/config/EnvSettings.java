package dev.greenlight.gate.config;

import dev.greenlight.gate.decision.Policy;
import java.util.Optional;

/** The policy and optional router of one app/env. */
public record EnvSettings(Policy policy, Optional<RouterSettings> router) {}
