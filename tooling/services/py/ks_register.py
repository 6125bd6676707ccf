"""Create meterkit's test identities and CloudKitty's catalog entry in Keystone.

Idempotent: every object is looked up by name first. Talks plain HTTP to /v3 (each
`openstack` CLI call costs ~2 s). Arguments come from the environment so the admin
password never shows in `ps`.
"""
import json
import os
import urllib.error
import urllib.request

KS = os.environ["KS_URL"].rstrip("/")  # http://127.0.0.1:PORT/v3
ADMIN_PASSWORD = os.environ["KS_ADMIN_PASSWORD"]
CK_URL = os.environ["CK_URL"]
REGION = os.environ.get("KS_REGION", "RegionOne")


def call(method, path, token=None, body=None):
    data = json.dumps(body).encode() if body is not None else None
    req = urllib.request.Request(KS + path, data=data, method=method)
    req.add_header("Accept", "application/json")
    if data is not None:
        req.add_header("Content-Type", "application/json")
    if token:
        req.add_header("X-Auth-Token", token)
    with urllib.request.urlopen(req, timeout=30) as res:
        raw = res.read()
        return res, (json.loads(raw) if raw else None)


def admin_token():
    body = {"auth": {
        "identity": {"methods": ["password"], "password": {"user": {
            "name": "admin", "domain": {"id": "default"}, "password": ADMIN_PASSWORD}}},
        "scope": {"project": {"name": "admin", "domain": {"id": "default"}}}}}
    res, _ = call("POST", "/auth/tokens", body=body)
    return res.headers["X-Subject-Token"]


def ensure(token, collection, query, body):
    _, found = call("GET", f"/{collection}?{query}", token)
    if found[collection]:
        return found[collection][0]["id"]
    key = collection[:-1]
    _, created = call("POST", f"/{collection}", token, {key: body})
    return created[key]["id"]


def main():
    token = admin_token()
    role = {r["name"]: r["id"] for r in call("GET", "/roles", token)[1]["roles"]}
    projects = {}
    for name in ("service", "demo"):
        projects[name] = ensure(token, "projects", f"name={name}&domain_id=default",
                                {"name": name, "domain_id": "default",
                                 "description": f"meterkit test project {name}"})
    for user, password, project, role_name in (("cloudkitty", "ckpass", "service", "admin"),
                                               ("demo", "demopass", "demo", "member")):
        user_id = ensure(token, "users", f"name={user}&domain_id=default",
                         {"name": user, "password": password, "domain_id": "default",
                          "default_project_id": projects[project]})
        call("PUT", f"/projects/{projects[project]}/users/{user_id}/roles/{role[role_name]}", token)
    service_id = ensure(token, "services", "type=rating",
                        {"type": "rating", "name": "cloudkitty", "enabled": True,
                         "description": "CloudKitty rating (meterkit tests)"})
    _, existing = call("GET", f"/endpoints?service_id={service_id}", token)
    have = {(e["interface"], e["region_id"], e["url"]) for e in existing["endpoints"]}
    for interface in ("public", "internal", "admin"):
        if (interface, REGION, CK_URL) not in have:
            call("POST", "/endpoints", token, {"endpoint": {
                "service_id": service_id, "interface": interface, "region_id": REGION,
                "url": CK_URL, "enabled": True}})


if __name__ == "__main__":
    main()
