"""A deliberately broken boto3 shim for the suite's self-tests (never a client under test).

Fault: ClientSecret never reaches the wire. A ``before-sign`` hook removes it from the JSON
body after botocore has serialized the request, the way a client generated from a model
that predates the member would behave. Everything else is the shipped shim unchanged.
"""

import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..", "adapters", "shims", "boto3"))

import shim  # noqa: E402  (the shipped shim, imported from its folder)


def drop_client_secret(request, **_):
    try:
        body = json.loads(request.data or b"{}")
    except ValueError:
        return
    if isinstance(body, dict) and "ClientSecret" in body:
        del body["ClientSecret"]
        request.data = json.dumps(body).encode("utf-8")


def register_hooks(events):
    events.register("before-sign.cognito-identity-provider.RevokeToken", drop_client_secret)


if __name__ == "__main__":
    try:
        sys.exit(shim.main(register_hooks=register_hooks, fault="ClientSecret dropped from the request body"))
    except BrokenPipeError:
        sys.exit(0)
