"""Serve Keystone's public WSGI app with waitress on loopback, bootstrapping it first if needed.

keystone.server.wsgi reads OS_KEYSTONE_CONFIG_FILES and also parses sys.argv, so
`waitress-serve --call` fails with "unrecognized arguments": argv is cleared first.

Bootstrap (`--bootstrap-marker` missing): every keystone-manage call spends seconds
importing keystone, so this process imports it once and runs each command in a forked
child (fresh oslo.config state, modules already loaded): db_sync, fernet_setup and
credential_setup side by side, then bootstrap while the parent builds the WSGI app.
The admin password comes from OS_BOOTSTRAP_PASSWORD (read by keystone's bootstrap).
"""
import argparse
import os
import signal
import sys
import traceback


def spawn(conf, args):
    from keystone.cmd import cli

    pid = os.fork()
    if pid:
        return pid
    code = 1
    try:
        cli.main(argv=["keystone-manage", "--config-file", conf, *args])
        code = 0
    except SystemExit as exc:
        code = exc.code if isinstance(exc.code, int) else 1
    except BaseException:
        traceback.print_exc()
    finally:
        sys.stdout.flush()
        sys.stderr.flush()
        os._exit(code)


def wait_all(pids, what):
    if any(os.waitpid(pid, 0)[1] != 0 for pid in pids):
        sys.exit(f"keystone-manage {what} failed")


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config-file", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pid-file")
    parser.add_argument("--bootstrap-marker")
    parser.add_argument("--region", default="RegionOne")
    args = parser.parse_args()
    conf = args.config_file

    bootstrap = None
    if args.bootstrap_marker and not os.path.exists(args.bootstrap_marker):
        ids = ["--keystone-user", str(os.getuid()), "--keystone-group", str(os.getgid())]
        wait_all([spawn(conf, ["db_sync"]), spawn(conf, ["fernet_setup", *ids]),
                  spawn(conf, ["credential_setup", *ids])], "db_sync/fernet_setup/credential_setup")
        url = f"http://{args.host}:{args.port}/v3/"
        bootstrap = spawn(conf, ["bootstrap", "--bootstrap-region-id", args.region,
                                 "--bootstrap-admin-url", url, "--bootstrap-public-url", url,
                                 "--bootstrap-internal-url", url])
    os.environ.pop("OS_BOOTSTRAP_PASSWORD", None)

    os.environ["OS_KEYSTONE_CONFIG_FILES"] = conf
    sys.argv = [sys.argv[0]]

    import waitress
    from keystone.server.wsgi import initialize_public_application

    app = initialize_public_application()
    if bootstrap:
        wait_all([bootstrap], "bootstrap")
        open(args.bootstrap_marker, "w").close()
    # waitress installs no handler: exit at once on SIGTERM (services.sh down) instead of
    # waiting on the non-daemon threads.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    if args.pid_file:
        with open(args.pid_file, "w") as handle:
            handle.write(f"{os.getpid()}\n")
    waitress.serve(app, host=args.host, port=args.port, threads=args.threads, ident="keystone")


if __name__ == "__main__":
    main()
