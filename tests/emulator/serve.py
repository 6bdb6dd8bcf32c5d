"""Run the DNSPod API emulator: ``python tests/emulator/serve.py --port 0 [--seed FILE]``.

Prints the base URL (``http://127.0.0.1:PORT``; ``https://`` with ``--tls-cert``) as the first line on stdout, then serves until
SIGTERM or SIGINT.  Options and the seed format: docs/emulator.md.
"""
import argparse
import os
import signal
import sys
import threading

if __package__ in (None, ''):
    # Run as a script path from any directory: import the package from its parent (tests/),
    # and keep this directory itself off sys.path so its modules are only seen as a package.
    _HERE = os.path.dirname(os.path.abspath(__file__))
    sys.path = [p for p in sys.path if os.path.abspath(p or os.curdir) != _HERE]
    sys.path.insert(0, os.path.dirname(_HERE))
    from emulator.server import make_server          # noqa: E402
    from emulator.seed import SeedError              # noqa: E402
else:
    from .server import make_server
    from .seed import SeedError


def parse_args(argv=None):
    parser = argparse.ArgumentParser(description='DNSPod API emulator (loopback only).')
    parser.add_argument('--port', type=int, default=0,
                        help='TCP port to listen on; 0 (default) picks a free one')
    parser.add_argument('--host', default='127.0.0.1',
                        help='IPv4 loopback address to bind (default 127.0.0.1); '
                             'anything else is refused')
    parser.add_argument('--seed', metavar='FILE',
                        help='JSON seed file (format in docs/emulator.md); '
                             'default: one account, no domains')
    parser.add_argument('--verbose', action='store_true',
                        help='log every HTTP request on stderr')
    parser.add_argument('--tls-cert', metavar='PEM',
                        help='serve HTTPS with this certificate (chain) file; the first line is then '
                             'https://127.0.0.1:PORT')
    parser.add_argument('--tls-key', metavar='PEM',
                        help='private key of --tls-cert (default: in the same file)')
    return parser.parse_args(argv)


def main(argv=None):
    args = parse_args(argv)
    try:
        if args.tls_key and not args.tls_cert:
            raise ValueError('--tls-key needs --tls-cert')
        tls = (args.tls_cert, args.tls_key) if args.tls_cert else None
        server = make_server(seed=args.seed, port=args.port, host=args.host, tls=tls)
    except (SeedError, ValueError, OSError) as exc:
        sys.stderr.write('emulator: %s\n' % exc)
        return 2
    server.verbose = args.verbose

    def stop(signum, frame):
        threading.Thread(target=server.shutdown, daemon=True).start()

    signal.signal(signal.SIGTERM, stop)
    signal.signal(signal.SIGINT, stop)
    sys.stdout.write(server.base_url + '\n')
    sys.stdout.flush()
    try:
        server.serve_forever(poll_interval=0.2)
    finally:
        server.server_close()
    return 0


if __name__ == '__main__':
    sys.exit(main())
