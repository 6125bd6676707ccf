"""python-waldur-client's own pagination loop, as the bench's Python baseline (run by /usr/bin/python3).

Mirrors waldur/python-waldur-client tag 0.6.4 (2331d1a, waldur_client/__init__.py): what
`list_marketplace_resources()` does through `_query_resource_list` (page_size defaults to 200) and
`_get_all`: module-level `requests.get` for every page (a new Session each time, so no keep-alive), headers
`Authorization: token <key>` and `Content-Type: application/json`, `verify` and `timeout=15` as its
defaults, the filters only on the first request, then while the word "next" is in `Link` the next URL is
taken by position (3rd entry when "prev" is present, else 2nd) and each page's `response.json()` is
concatenated onto one list. With `--version 0.1.5` it mirrors tag v0.1.5 (e5d2c44, src/waldur_client.py)
instead, whose `_get_all` sends the original params again with every next URL (no timeout).
Written from reading those functions, not copied.

Protocol: argv `<api url> <token> [--page-size N] [--version 0.6.4|0.1.5]`; one command per stdin line:
`run` walks every marketplace resource once and prints {"cpu": seconds, "items": n, "maxRssMb": ...}.
"""
import json
import resource
import sys
import time

import requests

api_url, token = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
page_size = int(args[args.index("--page-size") + 1]) if "--page-size" in args else 200
version = args[args.index("--version") + 1] if "--version" in args else "0.6.4"

headers = {"Authorization": "token %s" % token, "Content-Type": "application/json"}


def next_link(link):
    entries = link.split(", ")
    return (entries[2] if "prev" in link else entries[1]).split("; ")[0][1:-1]


def get_all(url, params):
    first = {"headers": headers, "verify": True}
    if version != "0.1.5":
        first["timeout"] = 15
    later = dict(first)
    if version == "0.1.5":
        later["params"] = params  # the reference re-sends them; the server takes the last value
    response = requests.get(url, params=params, **first)
    if response.status_code != 200:
        raise RuntimeError("status %s" % response.status_code)
    result = response.json()
    if "Link" not in response.headers:
        return result
    while "next" in response.headers["Link"]:
        response = requests.get(next_link(response.headers["Link"]), **later)
        if response.status_code != 200:
            raise RuntimeError("status %s" % response.status_code)
        result += response.json()
    return result


def list_marketplace_resources():
    query = {}
    query.setdefault("page_size", page_size)
    return get_all(api_url + "marketplace-resources/", query)


for line in sys.stdin:
    if line.strip() != "run":
        continue
    started = time.process_time()
    items = len(list_marketplace_resources())
    cpu = time.process_time() - started
    rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"cpu": cpu, "items": items, "maxRssMb": rss}), flush=True)
