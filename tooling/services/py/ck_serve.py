"""Serve CloudKitty's v1 API with waitress, quotes included, in one process.

`POST /v1/rating/quote` is an oslo.messaging RPC call to the rating processor. With
`transport_url = fake://` the transport is per process, so the stock API alone waits
60 s and answers 500. Here the API process also runs an RPC server on the same cached
fake transport with CloudKitty's own `RatingEndpoint`, so quotes go through the real
pricing code (APIWorker -> enabled rating modules) without RabbitMQ or a processor.
"""
import argparse
import os
import signal
import sys


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--config-file", required=True)
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--threads", type=int, default=4)
    parser.add_argument("--pid-file")
    args = parser.parse_args()

    # build_wsgi_app() ignores its argv and parses sys.argv through oslo.config.
    sys.argv = [sys.argv[0], "--config-file", args.config_file]

    import oslo_messaging
    import waitress
    from oslo_config import cfg

    from cloudkitty import messaging, orchestrator
    from cloudkitty.api import app as ck_app

    wsgi_app = ck_app.build_wsgi_app()
    target = oslo_messaging.Target(topic="cloudkitty", server=cfg.CONF.host, version="1.0")
    messaging.get_server(target, [orchestrator.RatingEndpoint(None)]).start()

    # waitress installs no handler: exit at once on SIGTERM (services.sh down) instead of
    # waiting on the non-daemon threads.
    signal.signal(signal.SIGTERM, lambda *_: os._exit(0))
    if args.pid_file:
        with open(args.pid_file, "w") as handle:
            handle.write(f"{os.getpid()}\n")
    waitress.serve(wsgi_app, host=args.host, port=args.port, threads=args.threads,
                   ident="cloudkitty", _quiet=False)


if __name__ == "__main__":
    main()
