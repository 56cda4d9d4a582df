#!/usr/bin/env python3
"""A pipeline step that promotes a model version in Modelstage, safely (standard library only).

It promotes with a compare-and-set (``expectedHolder``: only if the version you expect holds the
stage now) and an idempotency key, so a step that retries after a network error, or is re-run
by the orchestrator with the same key, never moves anything twice: the registry answers the
first call's changes again.

    python3 promote_step.py --model churn --version 8 --stage production --force \\
        --expect-holder 7 --reason "nightly: +2% recall" --idempotency-key "$RUN_ID"

MODELSTAGE_URL (default http://127.0.0.1:4000/graphql) and MODELSTAGE_TOKEN configure it.
Exit status: 0 promoted (or already there), 1 refused (the error is printed), 2 bad usage or
the registry stayed unreachable.
"""

import argparse
import json
import os
import sys
import time
import urllib.error
import urllib.request
import uuid

SET_STAGE = """
mutation($name: String!, $version: String!, $stage: ModelStage!, $force: Boolean,
         $expectedHolder: String, $reason: String, $idempotencyKey: String) {
  setStage(name: $name, version: $version, stage: $stage, force: $force,
           expectedHolder: $expectedHolder, reason: $reason, idempotencyKey: $idempotencyKey) {
    __typename
    ... on SetStageSuccess {
      modelVersion { name number stage }
      archived { name number }
      changes { cursor from to modelVersion { name } }
    }
    ... on Error { code message }
    ... on PreconditionFailedError { actualHolder { name number } }
    ... on StageConflictError { holder { name number } }
  }
}
"""


def post(url, token, query, variables, timeout):
    body = json.dumps({"query": query, "variables": variables}).encode()
    request = urllib.request.Request(
        url,
        data=body,
        headers={"content-type": "application/json", "authorization": f"Bearer {token}"},
        method="POST",
    )
    with urllib.request.urlopen(request, timeout=timeout) as response:
        return json.load(response)


def call_with_retries(url, token, variables, attempts, timeout):
    """Retries what may not have reached the registry, or whose answer was lost: safe only
    because every attempt carries the same idempotency key."""
    delay = 0.5
    for attempt in range(1, attempts + 1):
        try:
            return post(url, token, SET_STAGE, variables, timeout)
        except urllib.error.HTTPError as error:
            # A GraphQL answer (even an error one) is final, except a server that is not up yet.
            if error.code < 500:
                return json.load(error)
            reason = f"HTTP {error.code}"
        except (urllib.error.URLError, ConnectionError, TimeoutError, OSError) as error:
            reason = str(getattr(error, "reason", error))
        if attempt == attempts:
            print(f"promote_step: registry unreachable after {attempts} attempts: {reason}", file=sys.stderr)
            sys.exit(2)
        print(f"promote_step: attempt {attempt} failed ({reason}); retrying in {delay:.1f} s", file=sys.stderr)
        time.sleep(delay)
        delay = min(delay * 2, 10)


def main():
    parser = argparse.ArgumentParser(description="Promote a model version in Modelstage, safely.")
    parser.add_argument("--url", default=os.environ.get("MODELSTAGE_URL", "http://127.0.0.1:4000/graphql"))
    parser.add_argument("--token", default=os.environ.get("MODELSTAGE_TOKEN"))
    parser.add_argument("--model", required=True)
    parser.add_argument("--version", required=True, help="version name or number")
    parser.add_argument("--stage", required=True, type=str.upper, choices=["STAGING", "PRODUCTION", "ARCHIVED", "NONE"])
    parser.add_argument("--force", action="store_true", help="archive the version holding the stage")
    parser.add_argument("--expect-holder", help='only promote when this version (or "none") holds the stage now')
    parser.add_argument("--reason")
    parser.add_argument("--idempotency-key", help="the same for every retry of this step (default: a new one per run)")
    parser.add_argument("--attempts", type=int, default=5)
    parser.add_argument("--timeout", type=float, default=10.0, help="seconds per attempt")
    args = parser.parse_args()
    if not args.token:
        parser.error("a token is needed: --token or MODELSTAGE_TOKEN")

    variables = {
        "name": args.model,
        "version": args.version,
        "stage": args.stage,
        "force": args.force,
        "expectedHolder": args.expect_holder,
        "reason": args.reason,
        "idempotencyKey": args.idempotency_key or f"promote-step-{uuid.uuid4()}",
    }
    answer = call_with_retries(args.url, args.token, variables, args.attempts, args.timeout)
    if answer.get("errors"):
        error = answer["errors"][0]
        print(f"promote_step: {error.get('extensions', {}).get('code', 'ERROR')}: {error.get('message')}", file=sys.stderr)
        return 1
    result = answer["data"]["setStage"]
    if result["__typename"] != "SetStageSuccess":
        print(f"promote_step: {result['code']}: {result['message']}", file=sys.stderr)
        print(json.dumps(result))
        return 1
    print(json.dumps(result))
    return 0


if __name__ == "__main__":
    sys.exit(main())
