"""The conformance suite's process-adapter shim for boto3 (process-adapter protocol 1).

stdout carries protocol lines only: the capabilities line first, then one answer line per
request line read on stdin. Anything else (logging, stray prints from libraries) goes to
stderr, and nothing written there contains the values of Token, ClientId or ClientSecret.
The shim exits 0 at EOF on stdin.

Every call uses a fresh client, configured the way an application would configure one
except for retries: one attempt per call, because the suite drives out-of-process clients
in real time and botocore's back-off would make every retryable case take seconds. The
capabilities line therefore declares ``retries: false``. Note that botocore's
``retries['max_attempts']`` counts *retries* (``max_attempts: 1`` allows two requests, and
the request says ``amz-sdk-request: attempt=1; max=2``); ``total_max_attempts`` counts
requests, so that is what is set. Signing is left to botocore's model (RevokeToken is
``authtype: none``): the harness supplies fake credentials and checks nothing is signed.
"""

import json
import sys

import boto3
import botocore
from botocore.config import Config
from botocore.exceptions import ClientError

PROTOCOL_VERSION = 1

# The real stdout is kept for protocol lines; print() and any library that writes to
# sys.stdout end up on stderr instead.
_protocol_out = sys.stdout
sys.stdout = sys.stderr


def log(text):
    sys.stderr.write(f"boto3 shim: {text}\n")
    sys.stderr.flush()


def write_line(obj):
    _protocol_out.write(json.dumps(obj, separators=(",", ":")) + "\n")
    _protocol_out.flush()


def error_answer(case_id, name, message, status_code=None, request_id=None):
    return {
        "id": case_id,
        "error": {
            "name": name,
            "message": message,
            "statusCode": status_code,
            "requestId": request_id,
        },
    }


def describe_client_error(case_id, exc):
    response = exc.response or {}
    error = response.get("Error") or {}
    meta = response.get("ResponseMetadata") or {}
    return error_answer(
        case_id,
        str(error.get("Code") or "ClientError"),
        str(error.get("Message") or ""),
        meta.get("HTTPStatusCode"),
        meta.get("RequestId") or None,
    )


def revoke(session, request, config, register_hooks):
    case_id = request.get("id")
    params = request.get("input")
    if not isinstance(params, dict):
        return error_answer(case_id, "ShimProtocolError", "the request line has no input object")
    client_args = {"config": config}
    if request.get("region"):
        client_args["region_name"] = request["region"]
    if request.get("endpoint"):
        client_args["endpoint_url"] = request["endpoint"]
    client = session.client("cognito-idp", **client_args)
    try:
        if register_hooks is not None:
            register_hooks(client.meta.events)
        response = client.revoke_token(**params)
    except ClientError as exc:
        return describe_client_error(case_id, exc)
    except botocore.exceptions.ParamValidationError as exc:
        # botocore validates required members and minimum lengths before sending.
        return error_answer(case_id, "ParamValidationError", str(exc))
    except Exception as exc:  # noqa: BLE001 - every failure becomes an answer line
        # Connection errors, NoCredentialsError (which would mean botocore tried to sign), ...
        return error_answer(case_id, type(exc).__name__, str(exc))
    finally:
        client.close()
    meta = response.pop("ResponseMetadata", {}) or {}
    ok = {key: value for key, value in response.items()}
    ok["$metadata"] = {
        key: value
        for key, value in (
            ("httpStatusCode", meta.get("HTTPStatusCode")),
            ("requestId", meta.get("RequestId") or None),
        )
        if value is not None
    }
    return {"id": case_id, "ok": ok}


def main(register_hooks=None, fault=None):
    """Runs the shim. ``register_hooks(events)`` and ``fault`` exist for the broken variants
    used by the suite's self-tests: a hook registration applied to every client, and the
    label that names the fault in the capabilities line."""
    name = f"boto3 {boto3.__version__} (botocore {botocore.__version__})"
    if fault:
        name += f" [FAULT: {fault}]"
    config = Config(retries={"total_max_attempts": 1, "mode": "standard"})
    session = boto3.session.Session()
    write_line(
        {
            "protocol": PROTOCOL_VERSION,
            "name": name,
            "capabilities": {
                "clientSecret": True,
                "revokeAssociatedSessions": True,
                "cancellation": False,
                "retries": False,
            },
        }
    )
    for raw in sys.stdin.buffer:
        line = raw.decode("utf-8", errors="replace").strip()
        if not line:
            continue
        try:
            request = json.loads(line)
        except ValueError:
            write_line(error_answer(None, "ShimProtocolError", "the shim could not parse a request line as JSON"))
            continue
        if not isinstance(request, dict) or "id" not in request:
            write_line(error_answer(None, "ShimProtocolError", "the request line has no id"))
            continue
        if request.get("cancel"):
            # Cancellation is not declared; a stray cancel line has nothing to act on.
            continue
        try:
            answer = revoke(session, request, config, register_hooks)
        except Exception as exc:  # noqa: BLE001 - e.g. a failure while creating the client
            answer = error_answer(request.get("id"), "ShimError", f"{type(exc).__name__}: {exc}")
        write_line(answer)
    return 0


if __name__ == "__main__":
    try:
        sys.exit(main())
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
