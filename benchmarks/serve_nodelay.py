"""tests/emulator/serve.py with TCP_NODELAY on the emulator's connections.

The emulator (http.server) writes an answer's headers and body in two writes. On a kept-alive
connection, Nagle's algorithm holds the body back until the headers are acknowledged, and the
client delays that acknowledgement by up to 40 ms: every call of a client that keeps its
connection open (the collection's client does; lexicon opens a new connection per call and is
not affected) would cost 40 ms of nobody's work. Live API servers set TCP_NODELAY, so the
benchmark does too. Same arguments as serve.py.
"""
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), 'tests'))

from emulator import server, serve  # noqa: E402  pylint: disable=wrong-import-position

server.Handler.disable_nagle_algorithm = True

if __name__ == '__main__':
    sys.exit(serve.main())
