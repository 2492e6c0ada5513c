"""The conformance suite's process-adapter shim for the AWS CLI, v1 or v2 (protocol 1).

One long-lived Python process drives the CLI's own driver (``awscli.clidriver``), the code
behind the ``aws`` command, once per case: ``aws cognito-idp revoke-token --token ...
--client-id ... [--client-secret ...] --endpoint-url <the case's endpoint> --region <the
case's region> --output json``. A process per call would cost an interpreter start and the
CLI's imports each time (about 2.5 s on this project's machine, BENCHMARKS.md); the driver is
built once and reused, which is what its ``main(args)`` is written for.

What the suite sees is what a user of the command sees: the exit code, stdout and stderr of
each call, parsed back into an answer line. stdout is the JSON output (RevokeToken's is empty);
an error is the line the CLI prints, ``An error occurred (Code) when calling the RevokeToken
operation: message``, so the code and message come from there. The CLI prints no HTTP status
or request id, so an error carries neither (statusCode and requestId null), and anything that
is not a service error is named after the botocore exception whose text the CLI printed
(ParamValidationError, EndpointConnectionError, ...), else ``AwsCliError``, with the CLI's exit
code and text as the message.

Configuration, as a script that calls the CLI would set it up: one attempt per call
(AWS_MAX_ATTEMPTS=1, standard retry mode: the suite runs out-of-process clients in real time,
so the capabilities declare retries false); no pager; and a config file of the shim's own in
place of the empty one the suite names, holding ``cli_follow_urlparam = false`` so that v1
never fetches a parameter that starts with http:// or https:// (v2 dropped that feature).
``file://`` and ``fileb://`` values are still read as files, as the CLI does for everyone.
Credentials come from the suite's fake AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY; the suite
checks whether the request is signed (rule C6).

stdout carries protocol lines only; the CLI's own stdout and stderr are captured per call.
Nothing written to stderr contains the values of Token, ClientId or ClientSecret.

Usage: ``python -I -B shim.py <label>``, where the label names the lane (aws-cli-v1, aws-cli-v2).
"""

import atexit
import io
import json
import os
import re
import sys
import tempfile

PROTOCOL_VERSION = 1

# The real stdout is kept for protocol lines; anything that writes to sys.stdout outside a call
# ends up on stderr instead.
_protocol_out = sys.stdout
sys.stdout = sys.stderr

# ClientError's text (botocore.exceptions.ClientError.MSG_TEMPLATE), which both CLIs print.
SERVICE_ERROR = re.compile(r"An error occurred \((?P<code>.*?)\) when calling the RevokeToken operation(?: \(reached max retries: \d+\))?:(?: |$)(?P<message>.*)", re.S)

# The start of the text the CLI prints for botocore's client-side failures, and the exception it
# printed it from, so that those answers are named as boto3's are.
CLIENT_SIDE_ERRORS = (
    ("Parameter validation failed", "ParamValidationError"),
    ("Could not connect to the endpoint URL", "EndpointConnectionError"),
    ("Connection was closed before we received a valid response", "ConnectionClosedError"),
    ("Read timeout on endpoint URL", "ReadTimeoutError"),
)

MEMBERS = {"Token": "--token", "ClientId": "--client-id", "ClientSecret": "--client-secret"}


def log(text):
    sys.stderr.write(f"aws-cli shim: {text}\n")
    sys.stderr.flush()


def write_line(obj):
    _protocol_out.write(json.dumps(obj, separators=(",", ":")) + "\n")
    _protocol_out.flush()


def error_answer(case_id, name, message, status_code=None, request_id=None):
    return {"id": case_id, "error": {"name": name, "message": message, "statusCode": status_code, "requestId": request_id}}


def configure_environment():
    """Settings the CLI reads from the environment and its config file, applied before the driver is built."""
    handle, path = tempfile.mkstemp(prefix="aws-cli-shim-config-")
    with os.fdopen(handle, "w") as config:
        config.write("[default]\ncli_follow_urlparam = false\n")
    atexit.register(os.remove, path)
    os.environ["AWS_CONFIG_FILE"] = path
    os.environ["AWS_MAX_ATTEMPTS"] = "1"
    os.environ["AWS_RETRY_MODE"] = "standard"
    os.environ["AWS_PAGER"] = ""
    return path


class Captured:
    """A text stream with a .buffer, standing in for sys.stdout or sys.stderr during one call."""

    def __init__(self):
        self.raw = io.BytesIO()
        self.stream = io.TextIOWrapper(self.raw, encoding="utf-8", errors="backslashreplace", write_through=True)

    def text(self):
        self.stream.flush()
        return self.raw.getvalue().decode("utf-8", errors="backslashreplace")


def arguments(params, revoke_associated_sessions):
    """The CLI arguments for a case's input, or the reason the command line cannot carry it."""
    args = ["cognito-idp", "revoke-token"]
    for member, value in params.items():
        if value is None:
            continue
        if member == "RevokeAssociatedSessions" and revoke_associated_sessions:
            flag = "--revoke-associated-sessions"
        elif member in MEMBERS:
            flag = MEMBERS[member]
        else:
            return None, f"input member {member} is not a parameter of this CLI's revoke-token"
        if not isinstance(value, str):
            return None, f"input member {member} is not a string, which a command-line argument cannot carry"
        # --flag=value, so that a value starting with '-' is not read as another option.
        args.append(f"{flag}={value}")
    return args, None


def run_call(driver, request, revoke_associated_sessions):
    case_id = request.get("id")
    params = request.get("input")
    if not isinstance(params, dict):
        return error_answer(case_id, "ShimProtocolError", "the request line has no input object")
    args, problem = arguments(params, revoke_associated_sessions)
    if problem is not None:
        return error_answer(case_id, "ShimCannotExpressInput", problem)
    if request.get("endpoint"):
        args.append(f"--endpoint-url={request['endpoint']}")
    if request.get("region"):
        args.append(f"--region={request['region']}")
    args += ["--output", "json"]

    out, err = Captured(), Captured()
    saved = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = out.stream, err.stream
    try:
        try:
            rc = driver.main(args)
        except SystemExit as exc:  # argparse's usage errors exit
            rc = exc.code if isinstance(exc.code, int) else 255
    finally:
        sys.stdout, sys.stderr = saved
    stdout, stderr_raw = out.text().strip(), err.text()
    stderr = stderr_raw.strip()
    if rc == 0:
        ok = {}
        if stdout:
            try:
                parsed = json.loads(stdout)
            except ValueError:
                return error_answer(case_id, "ShimFailure", "the CLI exited 0 but its output is not JSON")
            if isinstance(parsed, dict):
                ok.update(parsed)
        ok["$metadata"] = {}
        return {"id": case_id, "ok": ok}
    match = SERVICE_ERROR.search(stderr_raw)
    if match:
        # The message as the service sent it: only the line break the CLI adds is dropped.
        message = match.group("message")
        return error_answer(case_id, match.group("code"), message[:-1] if message.endswith("\n") else message)
    for prefix, name in CLIENT_SIDE_ERRORS:
        if stderr.startswith(prefix):
            return error_answer(case_id, name, f"exit {rc}: {stderr}")
    return error_answer(case_id, "AwsCliError", f"exit {rc}: {stderr}")


def main(label):
    configure_environment()
    import awscli
    from awscli.clidriver import create_clidriver

    driver = create_clidriver()
    model = driver.session.get_service_model("cognito-idp")
    revoke_associated_sessions = "RevokeAssociatedSessions" in model.operation_model("RevokeToken").input_shape.members
    write_line(
        {
            "protocol": PROTOCOL_VERSION,
            "name": f"{label} {awscli.__version__}",
            "capabilities": {
                "clientSecret": True,
                "revokeAssociatedSessions": revoke_associated_sessions,
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
            continue  # cancellation is not declared; a stray cancel line has nothing to act on
        try:
            answer = run_call(driver, request, revoke_associated_sessions)
        except Exception as exc:  # noqa: BLE001 - every failure becomes an answer line
            answer = error_answer(request.get("id"), "ShimError", type(exc).__name__)
        write_line(answer)
    return 0


if __name__ == "__main__":
    if len(sys.argv) != 2 or sys.argv[1] not in ("aws-cli-v1", "aws-cli-v2"):
        log("usage: shim.py aws-cli-v1|aws-cli-v2")
        sys.exit(2)
    try:
        sys.exit(main(sys.argv[1]))
    except KeyboardInterrupt:
        sys.exit(130)
    except BrokenPipeError:
        sys.exit(0)
