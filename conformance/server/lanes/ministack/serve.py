"""Runs MiniStack for the server suite's ministack lane (see ../ministack.ts).

It serves MiniStack's own ASGI application with hypercorn, as the `ministack` command does, but
binds the socket itself on 127.0.0.1 with port 0 (the system picks a free one, so two runs never
race for 4566) and hands it to hypercorn as a file descriptor. GATEWAY_PORT is set to that port
before MiniStack is imported, because MiniStack reads it then (for the issuer of its tokens and
the URLs it answers with). One JSON line on stdout says the server is ready: it is printed when
MiniStack's lifespan start-up has completed, so the lane learns the port and the readiness from
one event, without polling /_ministack/ready.

Before MiniStack is imported, ../loopback_guard.py's audit hook refuses every destination but
loopback, every name lookup but loopback names, and every child process. The lane fails the run
when a refusal line appears on stderr.

Usage: python -I -B serve.py <expected ministack version>
"""

import json
import os
import socket
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.abspath(__file__))))

import loopback_guard  # noqa: E402  (the lanes folder is only on the path from the line above)

LANE = "ministack"


def main(argv):
    if len(argv) != 1:
        sys.stderr.write("usage: serve.py <expected ministack version>\n")
        return 2
    sys.addaudithook(loopback_guard.guard_for(LANE))

    from importlib.metadata import version

    installed = version("ministack")
    if installed != argv[0]:
        print(json.dumps({"error": "version", "ministack": installed}), flush=True)
        return 3

    listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
    listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    listener.bind(("127.0.0.1", 0))
    listener.listen(128)
    port = listener.getsockname()[1]
    os.environ["GATEWAY_PORT"] = str(port)

    import asyncio

    from hypercorn.asyncio import serve
    from hypercorn.config import Config

    from ministack.app import app

    async def announced(scope, receive, send):
        if scope["type"] != "lifespan":
            return await app(scope, receive, send)

        async def send_and_announce(message):
            await send(message)
            if message["type"] == "lifespan.startup.complete":
                print(json.dumps({"ready": True, "port": port, "ministack": installed}), flush=True)

        return await app(scope, receive, send_and_announce)

    config = Config()
    config.bind = [f"fd://{listener.fileno()}"]
    config.keep_alive_timeout = 75  # as the ministack command sets it
    config.loglevel = os.environ.get("LOG_LEVEL", "WARNING")
    try:
        asyncio.run(serve(announced, config))
    except KeyboardInterrupt:
        pass
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
