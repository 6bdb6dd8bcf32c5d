"""DNSPod API emulator for the dnspod.dnspod collection's tests.

Stdlib only, Python 3.9+.  Start it with ``python tests/emulator/serve.py --port 0`` or, from
Python, with :func:`make_server`::

    server = make_server(seed=None, port=0)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    ...  # talk to server.base_url
    server.shutdown()

Every behaviour, option and seed field is described in docs/emulator.md.
"""
from .server import make_server, EmulatorServer  # noqa: F401
from .seed import SeedError  # noqa: F401

__all__ = ['make_server', 'EmulatorServer', 'SeedError']
