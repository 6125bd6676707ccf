"""CloudKitty 17's own HashMap module (Debian's python3-cloudkitty), pricing in process: the peer of the
local engine's bench.

Reads {"rules": RuleSet, "records": [UsageRecord], "runs": n} (JSON, on stdin), loads the rules through the
module's own _load_rates (HashMap() with its DB API answered from the rule set in memory instead of
PostgreSQL, so the loading code is CloudKitty's), builds the DataFrame the quote API builds (DataPoints from
the records' volume and desc, usage keyed by service, DataFrame sorts the services) and times
HashMap.process on it, `runs` times in this one process (the first run is the cold one). Prints one JSON
object: records/s per run and the total, summed as the quote sums it.
"""
import datetime
import decimal
import json
import sys
import time
import types

from cloudkitty import dataframe
from cloudkitty.rating import hash as hashmap_module


class RuleSetDB(object):
    """The part of cloudkitty.rating.hash.db.api that HashMap._load_rates calls, over a rule set."""

    def __init__(self, rules):
        self.services = {s["service_id"]: s for s in rules["services"]}
        self.fields = {f["field_id"]: f for f in rules["fields"]}
        self.groups = {g["group_id"]: g for g in rules["groups"]}
        self.mappings = {m["mapping_id"]: m for m in rules["mappings"]}
        self.thresholds = {t["threshold_id"]: t for t in rules["thresholds"]}

    def list_services(self):
        return list(self.services)

    def get_service(self, uuid):
        return types.SimpleNamespace(name=self.services[uuid]["name"])

    def list_fields(self, service_uuid):
        return [f for f, v in self.fields.items() if v["service_id"] == service_uuid]

    def get_field(self, uuid):
        return types.SimpleNamespace(name=self.fields[uuid]["name"])

    def _list(self, rows, service_uuid=None, field_uuid=None, **kwargs):
        out = []
        for key, row in rows.items():
            if service_uuid and row["service_id"] != service_uuid:
                continue
            if field_uuid and row["field_id"] != field_uuid:
                continue
            if "tenant_uuid" in kwargs and row["tenant_id"] != kwargs["tenant_uuid"]:
                continue
            out.append(key)
        return out

    def list_mappings(self, **kwargs):
        return self._list(self.mappings, **kwargs)

    def list_thresholds(self, **kwargs):
        return self._list(self.thresholds, **kwargs)

    def _row(self, row):
        # What the SQLAlchemy model gives: Numeric columns as Decimal, the group relation by name.
        group = self.groups.get(row["group_id"]) if row["group_id"] else None
        return types.SimpleNamespace(
            group_id=row["group_id"],
            group=types.SimpleNamespace(name=group["name"]) if group else None,
            value=row.get("value"),
            level=decimal.Decimal(row["level"]) if "level" in row else None,
            map_type=row["type"],
            cost=decimal.Decimal(row["cost"]),
        )

    def get_mapping(self, uuid):
        return self._row(self.mappings[uuid])

    def get_threshold(self, uuid):
        return self._row(self.thresholds[uuid])


def frame(records):
    """The DataFrame /v1/rating/quote builds from its resources."""
    usage = {}
    for r in records:
        desc = r.get("desc") or {}
        point = dataframe.DataPoint(
            "undefined", r["volume"], 0, desc.get("groupby", {}), desc.get("metadata", {})
        )
        usage.setdefault(r["service"], []).append(point)
    now = datetime.datetime(2026, 1, 1)
    return dataframe.DataFrame(start=now, end=now + datetime.timedelta(hours=1), usage=usage)


def main():
    job = json.load(sys.stdin)
    db = RuleSetDB(job["rules"])
    hashmap_module.hash_db_api.get_instance = lambda: db
    started = time.perf_counter()
    module = hashmap_module.HashMap()
    load_seconds = time.perf_counter() - started
    records = job["records"]
    rates = []
    total = None
    for _ in range(job.get("runs", 3)):
        data = frame(records)
        started = time.perf_counter()
        out = module.process(data)
        seconds = time.perf_counter() - started
        rates.append(len(records) / seconds)
        price = decimal.Decimal(0)
        for _, point in out.iterpoints():
            price += point.price
        total = str(price)
    print(json.dumps({"rates": rates, "total": total, "load_seconds": load_seconds}))


main()
