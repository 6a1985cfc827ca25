"""Lambench's functions under test, Python edition (managed runtime: handler(event, context), boto3).

Every handler logs one JSON line with its request id, batch id and label, so REPORT lines are matched to
invocations by request id, never by time order, and returns what it measured itself (handler_ms), which it also logs
as a CloudWatch embedded metric (HandlerTime); the writer logs each DynamoDB operation as one too. The Go edition
(infra/functions/go) behaves identically: same inputs, same outputs, same checksums.
"""
import base64
import json
import os
import threading
import time
from concurrent.futures import ThreadPoolExecutor

import boto3
from botocore.config import Config

_client = None

# The throttling error codes of botocore's and the Go SDK's retry logic (the same 14 in both).
_THROTTLE_CODES = frozenset({
    "Throttling", "ThrottlingException", "ThrottledException", "RequestThrottledException", "TooManyRequestsException",
    "ProvisionedThroughputExceededException", "TransactionInProgressException", "RequestLimitExceeded",
    "BandwidthLimitExceeded", "LimitExceededException", "RequestThrottled", "SlowDown", "PriorRequestNotComplete",
    "EC2ThrottledException"})

# What the SDK's own retries of the current operation met, per thread (the reader runs operations in parallel):
# filled by _count_attempt, read by the operation.
_attempts = threading.local()

# CloudWatch embedded metric format: the same namespace, dimensions, names and units as the Go edition's.
_NAMESPACE = "Lambench"
_OPERATION_METRICS = [("OperationLatency", "Milliseconds"), ("OperationItems", "Count"), ("OperationBytes", "Bytes"),
                      ("OperationAttempts", "Count"), ("OperationThrottles", "Count")]


def _count_attempt(response=None, **_):
    # botocore calls this after every attempt, before deciding on a retry; it must answer None to leave that decision.
    if response is not None and response[1].get("Error", {}).get("Code") in _THROTTLE_CODES:
        _attempts.throttles = getattr(_attempts, "throttles", 0) + 1


def _new_dynamodb(pool=10):
    """A DynamoDB client with a pool of `pool` connections (botocore's default is 10) that counts throttled attempts."""
    endpoint = os.environ.get("AWS_ENDPOINT_URL_DYNAMODB") or None
    client = boto3.client("dynamodb", endpoint_url=endpoint, config=Config(max_pool_connections=pool))
    client.meta.events.register_first("needs-retry.dynamodb", _count_attempt)
    return client


_pooled = {}


def _dynamodb(pool=10):
    # Created once per execution environment and pool size (the Init phase on first use), reused while warm.
    if pool not in _pooled:
        _pooled[pool] = _new_dynamodb(pool)
    return _pooled[pool]


def _emf(dimensions, metrics, members, timestamp_ms=None):
    """One embedded metric line: `metrics` [(name, unit, value)] under `dimensions` {name: value}, plus `members`,
    stamped `timestamp_ms` (ms since the epoch; now by default)."""
    document = {"_aws": {"Timestamp": timestamp_ms or time.time_ns() // 1_000_000, "CloudWatchMetrics": [{
        "Namespace": _NAMESPACE, "Dimensions": [list(dimensions)],
        "Metrics": [{"Name": name, "Unit": unit} for name, unit, _ in metrics]}]}}
    document.update(dimensions)
    document.update({name: value for name, _, value in metrics})
    document.update(members)
    print(json.dumps(document, separators=(",", ":")), flush=True)


def _handler_time(context, payload, started):
    """Logs the handler's own time as an embedded metric and returns it (ms, to the microsecond)."""
    handler_ms = round((time.perf_counter() - started) * 1000, 3)
    _emf({"FunctionName": context.function_name}, [("HandlerTime", "Milliseconds", handler_ms)],
         {"request_id": context.aws_request_id, "batch_id": payload.get("batch_id"), "label": payload.get("label")})
    return handler_ms


def _item_bytes(item):
    # Attribute names plus values, numbers by their decimal text (DynamoDB's own count differs by a few bytes a number).
    return sum(len(name.encode()) + len(next(iter(value.values())).encode()) for name, value in item.items())


def _batch_write(context, payload, items, sequence, handler_started):
    """One BatchWriteItem operation (at most 25 items), with unprocessed items sent again after a growing wait, logged as
    an embedded metric line: its latency, items, bytes, requests and throttled requests."""
    client, table = _dynamodb(), os.environ["TABLE_NAME"]
    _attempts.throttles = 0
    attempts, throttles, pending = 0, 0, [{"PutRequest": {"Item": item}} for item in items]
    started = time.perf_counter()
    while pending:
        if attempts > 0:
            time.sleep(0.05 * attempts)
        answer = client.batch_write_item(RequestItems={table: pending})
        attempts += 1 + answer["ResponseMetadata"].get("RetryAttempts", 0)
        pending = answer.get("UnprocessedItems", {}).get(table, [])
        throttles += 1 if pending else 0
    latency_ms = round((time.perf_counter() - started) * 1000, 3)
    _operation_line(context, payload, "BatchWriteItem", sequence, started - handler_started,
                    [latency_ms, len(items), sum(_item_bytes(i) for i in items), attempts, throttles + _attempts.throttles])


def _operation_line(context, payload, operation, sequence, offset_s, values, timestamp_ms=None):
    """One DynamoDB call as an embedded metric line: `values` in _OPERATION_METRICS's order, `offset_s` seconds after
    the handler's start."""
    _emf({"FunctionName": context.function_name, "Operation": operation},
         [(name, unit, value) for (name, unit), value in zip(_OPERATION_METRICS, values)],
         {"request_id": context.aws_request_id, "batch_id": payload.get("batch_id"), "label": payload.get("label"),
          "sequence": sequence, "offset_ms": round(offset_s * 1000, 3)}, timestamp_ms)


def _payloads(event):
    """The messages in an event: SQS records' bodies, a function URL request's body, or the event itself."""
    if isinstance(event, dict) and "Records" in event:
        return [json.loads(record["body"]) for record in event["Records"]]
    if isinstance(event, dict) and "requestContext" in event and "body" in event:
        body = event.get("body") or "{}"
        if event.get("isBase64Encoded"):
            body = base64.b64decode(body).decode("utf-8")
        return [json.loads(body)]
    return [event or {}]


def _tag(context, payload):
    print(json.dumps({"request_id": context.aws_request_id, "batch_id": payload.get("batch_id"),
                      "label": payload.get("label"), "repetition": payload.get("repetition"),
                      "round": payload.get("round")}), flush=True)


def _respond(event, result):
    # A function URL expects an HTTP response; other callers get the result itself.
    if isinstance(event, dict) and "requestContext" in event and "http" in event["requestContext"]:
        return {"statusCode": 200, "headers": {"content-type": "application/json"}, "body": json.dumps(result)}
    return result


def writer(event, context):
    """Writes `count` items of `size_bytes` to DynamoDB: pk batch_id#<id>, sk the item index (0..count-1), written_us."""
    started = time.perf_counter()
    results, sequence, payloads = [], 0, _payloads(event)
    for payload in payloads:
        _tag(context, payload)
        if payload.get("fail") == "raise":  # fault injection: a failed delivery, which SQS redelivers
            raise RuntimeError("failure asked for by the event")
        batch_id, size, count = payload["batch_id"], int(payload["size_bytes"]), int(payload["count"])
        for first in range(0, count, 25):  # BatchWriteItem takes 25 items a request
            # written_us: this function's clock when it issued the item's write (µs since the epoch), which the
            # runner reads back for the time from a request's send to its durable effect.
            items = [{"pk": {"S": f"batch_id#{batch_id}"}, "sk": {"N": str(index)}, "label": {"S": payload.get("label") or ""},
                      "data": {"S": "x" * size}, "written_us": {"N": str(time.time_ns() // 1000)}}
                     for index in range(first, min(first + 25, count))]
            _batch_write(context, payload, items, sequence, started)
            sequence += 1
        results.append({"batch_id": batch_id, "items_written": count})
    return _respond(event, {"results": results, "handler_ms": _handler_time(context, payloads[0], started)})


def _get_item(client, table, key):
    """One GetItem, timed: (latency ms, item, requests made, throttled requests, end in ms since the epoch, start)."""
    _attempts.throttles = 0
    started = time.perf_counter()
    answer = client.get_item(TableName=table, Key=key)
    latency_ms = round((time.perf_counter() - started) * 1000, 3)
    return (latency_ms, answer.get("Item"), 1 + answer["ResponseMetadata"].get("RetryAttempts", 0), _attempts.throttles,
            time.time_ns() // 1_000_000, started)


def reader(event, context):
    """Reads `count` items of `size_bytes` with GetItem (pk seed#<size_bytes>, sk 0..count-1, written by the runner
    before the run), `parallel` at a time, on a client kept while warm (client: reuse) or made in the invocation
    (client: fresh) with a pool of `pool` connections; each GetItem is logged as an embedded metric line."""
    started = time.perf_counter()
    payload = _payloads(event)[0]
    _tag(context, payload)
    size, count = int(payload["size_bytes"]), int(payload["count"])
    parallel, pool = int(payload.get("parallel", 1)), int(payload.get("pool", 10))
    client = _dynamodb(pool) if payload.get("client", "reuse") == "reuse" else _new_dynamodb(pool)
    table = os.environ["TABLE_NAME"]
    keys = [{"pk": {"S": f"seed#{size}"}, "sk": {"N": str(index)}} for index in range(count)]
    with ThreadPoolExecutor(max_workers=parallel) as pool_of_threads:
        reads = list(pool_of_threads.map(lambda key: _get_item(client, table, key), keys))
    # Logged once all reads are done, in key order, each stamped with the time it ended.
    for sequence, (latency_ms, item, attempts, throttles, ended_ms, read_started) in enumerate(reads):
        if item is None:
            raise RuntimeError(f"item seed#{size}/{sequence} is missing: the runner writes the reader's items before a run")
        _operation_line(context, payload, "GetItem", sequence, read_started - started,
                        [latency_ms, 1, _item_bytes(item), attempts, throttles], ended_ms)
    return _respond(event, {"batch_id": payload.get("batch_id"), "items_read": count,
                            "handler_ms": _handler_time(context, payload, started)})


def _lcg(seed, n):
    # The same pseudo-random integers in Go: x = (1103515245 x + 12345) mod 2^31.
    values, x = [], seed
    for _ in range(n):
        x = (1103515245 * x + 12345) % 2147483648
        values.append(x)
    return values


def _cpu(operation, data_size, iterations):
    checksum = 0
    for iteration in range(iterations):
        if operation == "sort":
            ordered = sorted(_lcg(iteration + 1, data_size))
            checksum = (checksum + sum(v * (i + 1) for i, v in enumerate(ordered))) % 4294967296
        elif operation == "math":
            # Integer arithmetic only (trial-division prime count), so Go and Python agree to the last digit.
            limit, primes = data_size + iteration, 0
            for candidate in range(2, limit + 1):
                divisor, prime = 2, True
                while divisor * divisor <= candidate:
                    if candidate % divisor == 0:
                        prime = False
                        break
                    divisor += 1
                primes += prime
            checksum = (checksum + primes * (iteration + 1)) % 4294967296
        elif operation == "string":
            text = "".join(chr(97 + v % 26) for v in _lcg(iteration + 1, data_size))
            checksum = (checksum + text.upper()[::-1].count("A") + len(text.split("e"))) % 4294967296
        else:
            raise ValueError(f"unknown operation '{operation}': sort, math or string")
    return checksum


def cpu(event, context):
    """CPU workload: `operation` (sort, math, string) over `data_size` values, `iterations` times; returns a checksum."""
    started = time.perf_counter()
    payload = _payloads(event)[0]
    _tag(context, payload)
    operation = payload.get("operation", "sort")
    checksum = _cpu(operation, int(payload.get("data_size", 1000)), int(payload.get("iterations", 1)))
    return _respond(event, {"batch_id": payload.get("batch_id"), "operation": operation, "checksum": checksum,
                            "handler_ms": _handler_time(context, payload, started)})


def sleep(event, context):
    """A fixed sleep (the 3-second payment call of the published load tests): `sleep_ms`, 3000 by default."""
    started = time.perf_counter()
    payload = _payloads(event)[0]
    _tag(context, payload)
    sleep_ms = int(payload.get("sleep_ms", 3000))
    time.sleep(sleep_ms / 1000)
    return _respond(event, {"batch_id": payload.get("batch_id"), "slept_ms": sleep_ms,
                            "handler_ms": _handler_time(context, payload, started)})


def noop(event, context):
    """Does nothing but tag the invocation: the platform's own overhead is what remains."""
    started = time.perf_counter()
    payload = _payloads(event)[0]
    _tag(context, payload)
    if payload.get("fail") == "raise":
        raise RuntimeError("failure asked for by the event")
    if payload.get("fail") == "exit":
        os._exit(3)
    if payload.get("fail") == "hang":
        time.sleep(3600)
    return _respond(event, {"batch_id": payload.get("batch_id"), "handler_ms": _handler_time(context, payload, started)})
