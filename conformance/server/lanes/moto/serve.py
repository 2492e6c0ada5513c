"""Runs moto's server mode for the server suite's moto lane (see ../moto.ts).

It serves the same WSGI application as moto's own `moto_server` command, but binds the port
itself (port 0: the system picks a free one) and prints one JSON line once the socket listens,
so the lane reads the real port and knows the server is ready without polling.

Before moto is imported, ../loopback_guard.py's audit hook refuses every network destination but loopback, every
name lookup but loopback names, and every child process (moto's Docker helpers shell out to
curl). The lane's environment already points everything at loopback; the hook turns a
forgotten setting into a refused call and a line on stderr instead of traffic leaving the
machine. The lane fails the run when such a line appears.

Usage: python -I -B serve.py <expected moto version>
"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import loopback_guard  # noqa: E402  (the lanes folder is only on the path from the line above)

# The lanes' one audit hook: its refusals start with "moto-lane: refused ", which ../moto.ts reads.
guard = loopback_guard.guard_for("moto")


def main(argv):
    if len(argv) != 1:
        sys.stderr.write("usage: serve.py <expected moto version>\n")
        return 2
    sys.addaudithook(guard)

    from importlib.metadata import version

    installed = version("moto")
    if installed != argv[0]:
        print(json.dumps({"error": "version", "moto": installed}), flush=True)
        return 3

    from werkzeug.serving import make_server
    from moto.moto_server.werkzeug_app import DomainDispatcherApplication, MotoRequestHandler, create_backend_app

    application = DomainDispatcherApplication(create_backend_app)
    application.debug = True  # as moto_server sets it, so answers match the usual server mode
    server = make_server("127.0.0.1", 0, application, threaded=True, request_handler=MotoRequestHandler)
    print(json.dumps({"ready": True, "port": server.port, "moto": installed}), flush=True)
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
