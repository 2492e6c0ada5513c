"""Runs moto's server mode for the server suite's moto lane (see ../moto.ts).

It serves the same WSGI application as moto's own `moto_server` command, but binds the port
itself (port 0: the system picks a free one) and prints one JSON line once the socket listens,
so the lane reads the real port and knows the server is ready without polling.

Before moto is imported, an audit hook refuses every network destination but loopback, every
name lookup but loopback names, and every child process (moto's Docker helpers shell out to
curl). The lane's environment already points everything at loopback; the hook turns a
forgotten setting into a refused call and a line on stderr instead of traffic leaving the
machine. The lane fails the run when such a line appears.

Usage: python -I -B serve.py <expected moto version>
"""

import ipaddress
import json
import sys

REFUSAL_MARK = "moto-lane: refused "
LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}


def is_loopback_host(host):
    if host is None:
        return True  # getaddrinfo(None, ...): the wildcard of a bind, never a destination
    if isinstance(host, bytes):
        host = host.decode("ascii", "replace")
    host = str(host).strip("[]").lower()
    if host in LOOPBACK_NAMES:
        return True
    try:
        address = ipaddress.ip_address(host.split("%", 1)[0])
    except ValueError:
        return False
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped is not None:
        address = address.ipv4_mapped
    return address.is_loopback


def refusal(event, args):
    """The reason to refuse an audited event, or None to let it happen."""
    if event in ("socket.connect", "socket.sendto", "socket.sendmsg"):
        address = args[1] if len(args) > 1 else None
        if isinstance(address, tuple) and address and is_loopback_host(address[0]):
            return None
        return f"{event} to {address!r}"
    if event == "socket.getaddrinfo":
        return None if is_loopback_host(args[0]) else f"name lookup of {args[0]!r}"
    if event in ("socket.gethostbyname", "socket.gethostbyname_ex"):
        return None if is_loopback_host(args[0]) else f"name lookup of {args[0]!r}"
    if event == "socket.gethostbyaddr":
        return None if is_loopback_host(args[0]) else f"address lookup of {args[0]!r}"
    if event in ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty"):
        return f"child process ({event})"
    return None


def guard(event, args):
    reason = refusal(event, args)
    if reason is not None:
        sys.stderr.write(f"{REFUSAL_MARK}{reason}\n")
        sys.stderr.flush()
        raise PermissionError(f"the moto lane allows loopback only: {reason}")


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
