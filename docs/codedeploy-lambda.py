# AWS CodeDeploy lifecycle hook -> Greenlight gate (Python 3.12 Lambda runtime, no dependencies).
# Register it for BeforeAllowTraffic (or AfterAllowTestTraffic) in appspec.yml. The gate answers
# 202 at once, waits while its decision is pending, and itself calls
# PutLifecycleEventHookExecutionStatus (Succeeded on allow, Failed on deny or timeout), so the
# Lambda ends immediately. Environment: GATE_URL, GATE_APP, GATE_ENV, GATE_TOKEN (deployer role),
# optional GATE_RELEASE. The gate needs codedeploy:PutLifecycleEventHookExecutionStatus.
import json, os, urllib.request

def handler(event, context):
    body = {"DeploymentId": event["DeploymentId"],
            "LifecycleEventHookExecutionId": event["LifecycleEventHookExecutionId"]}
    if os.environ.get("GATE_RELEASE"):
        body["release"] = os.environ["GATE_RELEASE"]
    url = "%s/v1/apps/%s/envs/%s/codedeploy-hook" % (
        os.environ["GATE_URL"].rstrip("/"), os.environ["GATE_APP"], os.environ["GATE_ENV"])
    req = urllib.request.Request(url, data=json.dumps(body).encode(), method="POST", headers={
        "Content-Type": "application/json", "Authorization": "Bearer " + os.environ["GATE_TOKEN"]})
    with urllib.request.urlopen(req, timeout=10) as resp:
        return {"statusCode": resp.status}
