"""CodeDeploy BeforeAllowTraffic hook for ECS: hands the hook to the Greenlight gate.

The gate answers 202 at once and reports Succeeded (allow) or Failed (deny, or still pending at
its max-wait) to CodeDeploy itself, so this function never waits for warm-up. If the gate cannot
be reached, the function reports Failed to CodeDeploy so the deployment does not hang.

Environment: GREENLIGHT_GATE (base URL), GREENLIGHT_APP, GREENLIGHT_ENV, GREENLIGHT_RELEASE,
GREENLIGHT_SLOT (default green), GREENLIGHT_DEPLOY_TOKEN (deployer role; better from Secrets
Manager in production).
"""

import json
import os
import urllib.error
import urllib.request


def gate_request(event):
    """The HTTP request this hook sends to the gate: (method, url, headers, body bytes)."""
    gate = os.environ["GREENLIGHT_GATE"].rstrip("/")
    app = os.environ.get("GREENLIGHT_APP", "shop")
    env = os.environ.get("GREENLIGHT_ENV", "prod")
    body = {
        "DeploymentId": event["DeploymentId"],
        "LifecycleEventHookExecutionId": event["LifecycleEventHookExecutionId"],
        "release": os.environ["GREENLIGHT_RELEASE"],
        "slot": os.environ.get("GREENLIGHT_SLOT", "green"),
    }
    headers = {
        "Authorization": "Bearer " + os.environ["GREENLIGHT_DEPLOY_TOKEN"],
        "Content-Type": "application/json",
    }
    url = f"{gate}/v1/apps/{app}/envs/{env}/codedeploy-hook"
    return "POST", url, headers, json.dumps(body).encode("utf-8")


def lambda_handler(event, context):
    method, url, headers, body = gate_request(event)
    request = urllib.request.Request(url, data=body, headers=headers, method=method)
    try:
        with urllib.request.urlopen(request, timeout=10) as answer:
            print(f"Greenlight gate accepted the hook: {answer.status} {answer.read().decode()}")
            return {"status": answer.status}
    except (urllib.error.URLError, TimeoutError) as error:
        detail = error.read().decode() if isinstance(error, urllib.error.HTTPError) else str(error)
        print(f"Greenlight gate did not take the hook ({detail}): reporting Failed")
        import boto3  # present in the Lambda runtime; imported here so tests need no AWS SDK

        boto3.client("codedeploy").put_lifecycle_event_hook_execution_status(
            deploymentId=event["DeploymentId"],
            lifecycleEventHookExecutionId=event["LifecycleEventHookExecutionId"],
            status="Failed",
        )
        return {"status": "Failed", "reason": detail}
