# An independent reading of an architecture's description and a price file (PyYAML), priced as the Lambench README
# states the rules, for WorkflowCostPythonTests. Standard state machines, functions on one architecture, queues,
# buckets, log volume and scheduled events: what architectures/finops-workflow.yaml uses. Prints the cost per service.
import json, math, sys, yaml

arch = yaml.safe_load(open(sys.argv[1]))
prices = yaml.safe_load(open(sys.argv[2]))
executions = arch["executions_per_day"] * arch.get("days_per_month", 30)

def transitions(states, times=1.0):
    total = 0.0
    for state in states:
        total += times * (1 + state.get("retries", 0))
        if "map" in state:
            total += transitions(state["map"]["states"], times * state["map"]["items"])
    return total

def invocations(states, times=1.0, counts=None):
    counts = {} if counts is None else counts
    for state in states:
        if "function" in state:
            counts[state["function"]] = counts.get(state["function"], 0) + times * (1 + state.get("retries", 0))
        if "map" in state:
            invocations(state["map"]["states"], times * state["map"]["items"], counts)
    return counts

cost = {}
standard = prices["step_functions"]["standard"]
count = sum(executions * transitions(m["states"]) for m in arch["state_machines"])
cost["step_functions"] = (count - min(standard["free_transitions_per_month"], count)) * standard["usd_per_thousand_transitions"] / 1000

functions = {f["name"]: f for f in arch["functions"]}
calls = {}
for machine in arch["state_machines"]:
    for name, n in invocations(machine["states"]).items():
        calls[name] = calls.get(name, 0) + executions * n
gb_seconds = sum(n * functions[name]["duration_ms"] / 1000 * functions[name]["memory_mb"] / 1024 for name, n in calls.items())
requests = sum(calls.values())
architecture = {f.get("architecture", "x86_64") for f in arch["functions"]}.pop()
first_tier = prices["lambda"]["compute"][architecture]["tiers"][0]["usd_per_gb_second"]
free = prices["lambda"]["free_tier"]
cost["lambda"] = (max(0, gb_seconds - free["gb_seconds_per_month"]) * first_tier
                  + max(0, requests - free["requests_per_month"]) * prices["lambda"]["requests"]["usd_per_million"] / 1e6)

sqs = prices["sqs"]["standard"]
cost["sqs"] = sum(executions * q["messages_per_execution"] * q.get("requests_per_message", 3) * math.ceil(q.get("message_bytes", 1024) / sqs["chunk_bytes"])
                  for q in arch.get("queues", [])) * sqs["usd_per_million_requests"] / 1e6

s3 = prices["s3"]["standard"]
cost["s3"] = sum(b.get("stored_gb", 0) * s3["usd_per_gb_month"] + executions * b.get("writes_per_execution", 0) * s3["usd_per_thousand_writes"] / 1000
                 + executions * b.get("reads_per_execution", 0) * s3["usd_per_thousand_reads"] / 1000 for b in arch.get("buckets", []))

logs = prices["cloudwatch_logs"]
cost["cloudwatch_logs"] = executions * arch["logs"]["bytes_per_execution"] / logs["bytes_per_gb"] * logs["ingestion_usd_per_gb"]

events = prices["eventbridge"]
scheduled = executions * arch["events"]["scheduled_per_execution"]
cost["eventbridge"] = max(0, scheduled - events["scheduler_free_invocations_per_month"]) * events["scheduler_usd_per_million_invocations"] / 1e6
print(json.dumps(cost))
