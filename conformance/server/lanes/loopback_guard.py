"""An audit hook that keeps a Python emulator on this machine, for the server lanes that run one
(ministack/serve.py and moto/serve.py).

Once installed (before the emulator is imported), it refuses every network destination but
loopback, every name lookup but loopback names, and every child process. The lane's environment
already points everything at loopback; the hook turns a forgotten setting into a refused call
and one line on stderr, which the lane reads to fail the run, instead of traffic leaving the
machine. A connection to anything that is not an (address, port) pair, a Unix socket for
example, is refused too: the Docker daemon's socket is the usual one an emulator reaches for.
"""

import ipaddress
import sys

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost", "ip6-loopback"}
CHILD_PROCESS_EVENTS = ("subprocess.Popen", "os.system", "os.exec", "os.posix_spawn", "os.spawn", "os.fork", "os.forkpty")


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
    if event in ("socket.getaddrinfo", "socket.gethostbyname", "socket.gethostbyname_ex"):
        return None if is_loopback_host(args[0]) else f"name lookup of {args[0]!r}"
    if event == "socket.gethostbyaddr":
        return None if is_loopback_host(args[0]) else f"address lookup of {args[0]!r}"
    if event in CHILD_PROCESS_EVENTS:
        return f"child process ({event})"
    return None


def guard_for(lane):
    """The audit hook of one lane: its refusals start with `<lane>-lane: refused `."""
    mark = f"{lane}-lane: refused "

    def guard(event, args):
        reason = refusal(event, args)
        if reason is not None:
            sys.stderr.write(f"{mark}{reason}\n")
            sys.stderr.flush()
            raise PermissionError(f"the {lane} lane allows loopback only: {reason}")

    return guard
