-- Durable evidence writes: agent reports of ever new content into an app of their own.
local token = os.getenv("GATE_TOKEN_AGENT")
local n = 0
request = function()
  n = n + 1
  local body = string.format(
    '{"app":"writes","environment":"prod","slot":"green","release":"1.0","instanceId":"w-%d",'
    .. '"observedAt":"2026-11-26T10:05:00Z","uptimeSeconds":%d,"warmup":{"verdict":"WARM"},'
    .. '"sessions":{"storage":"NONE","active":0}}', n % 64, n)
  return wrk.format("POST", "/v1/apps/writes/envs/prod/agents",
    {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
end
