-- 9 decision reads, then 1 agent report whose content changes (new digest -> new decision id).
local token = os.getenv("GATE_TOKEN_AGENT")
local reader = os.getenv("GATE_TOKEN_VIEWER")
local n = 0
request = function()
  n = n + 1
  if n % 10 == 0 then
    local body = string.format(
      '{"app":"shop","environment":"prod","slot":"green","release":"1.0","instanceId":"shop-green-%d",'
      .. '"observedAt":"2026-11-26T10:05:00Z","uptimeSeconds":%d,"warmup":{"verdict":"WARM"},'
      .. '"sessions":{"storage":"NONE","active":0}}', n % 4, n)
    return wrk.format("POST", "/v1/apps/shop/envs/prod/agents",
      {["Authorization"] = "Bearer " .. token, ["Content-Type"] = "application/json"}, body)
  end
  return wrk.format("GET", "/v1/apps/shop/envs/prod/decision?release=1.0",
    {["Authorization"] = "Bearer " .. reader})
end
