"""Serve Keystone's public WSGI app with waitress on loopback.

keystone.server.wsgi reads OS_KEYSTONE_CONFIG_FILES and also parses sys.argv, so
`waitress-serve --call` fails with "unrecognized arguments": clear argv first.
"""
import argparse
import os
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config-file", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pid-file")
    args = parser.parse_args()

    os.environ["OS_KEYSTONE_CONFIG_FILES"] = args.config_file
    sys.argv = [sys.argv[0]]

    import waitress
    from keystone.server.wsgi import initialize_public_application

    app = initialize_public_application()
    if args.pid_file:
        with open(args.pid_file, "w") as handle:
            handle.write(f"{os.getpid()}\n")
    waitress.serve(app, host=args.host, port=args.port, threads=args.threads, ident="keystone")


if __name__ == "__main__":
    main()
