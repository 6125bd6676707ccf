import sys, json, datetime, decimal, time
from oslo_config import cfg
from cloudkitty import config  # noqa registers options
from cloudkitty import db  # noqa
cfg.CONF(['--config-file', sys.argv[1]], project='cloudkitty')
from cloudkitty.rating.hash import HashMap
from cloudkitty import dataframe
def load(tenant):
  # Loading lists rule ids and then reads each row: a rule deleted meanwhile by another user of the shared
  # server raises; that is a race of the load, not a price, so load again.
  for _ in range(5):
    try:
      return HashMap(tenant_id=tenant)
    except Exception:
      time.sleep(0.2)
  return HashMap(tenant_id=tenant)


def price_case(req):
  h = load(req.get("tenant"))
  usage = {}
  for r in req["records"]:
    d = r.get("desc", {})
    usage.setdefault(r["service"], []).append(dataframe.DataPoint("u", str(decimal.Decimal(r["volume"])), 0, d.get("groupby", {}), d.get("metadata", {})))
  now = datetime.datetime(2026, 1, 1)
  frame = dataframe.DataFrame(start=now, end=now + datetime.timedelta(hours=1), usage=usage)
  out = h.process(frame)
  price = decimal.Decimal(0)
  for _, p in out.iterpoints():
    price += p.price
  return str(price)


# Prices cases with CloudKitty's own HashMap module (the processor's code path, tenant included), reading the
# rules from the noauth instance's database. stdin: [{"tenant": str|None, "records": [...]}]; stdout: [price].
results = []
for case in json.load(sys.stdin):
  try:
    results.append(price_case(case))
  except Exception as e:  # the API would answer 500
    results.append({"error": type(e).__name__})
print(json.dumps(results))
