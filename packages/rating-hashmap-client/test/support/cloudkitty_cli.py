"""Run the real `cloudkitty` CLI (python-cloudkittyclient from Debian) on many command lines in one process.

/usr/bin/cloudkitty is `sys.exit(cloudkittyclient.shell.main())`; this calls the same `main(argv)` once per
line, so the CLI's code (cliff, argparse, keystoneauth, the hashmap commands and formatters) runs exactly as
the executable runs it, without paying Python's start and imports (about a second) per command.

stdin: one JSON array of arguments per line. stdout: one JSON object per line, {"code", "out", "err"}.
The environment (OS_* variables) is the process's, as for the executable.
"""
import contextlib
import io
import json
import logging
import sys

from cloudkittyclient import shell


def run(argv):
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            code = shell.main(argv)
        except SystemExit as e:  # argparse errors, the CLI's own exit(1)
            code = e.code if isinstance(e.code, int) else (0 if e.code is None else 1)
        finally:
            # cliff adds a console handler to the root logger on every run; drop them between commands.
            root = logging.getLogger("")
            for handler in list(root.handlers):
                root.removeHandler(handler)
    return {"code": code or 0, "out": out.getvalue(), "err": err.getvalue()}


def main():
    real_stdout = sys.stdout
    for line in sys.stdin:
        if not line.strip():
            continue
        real_stdout.write(json.dumps(run(json.loads(line))) + "\n")
        real_stdout.flush()


if __name__ == "__main__":
    main()
