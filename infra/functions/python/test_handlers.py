"""The Python functions' own counting, against botocore's real retry logic: a stand-in DynamoDB answers a script of
replies (a throttle, unprocessed items), and the operation line must say how many requests were made and throttled.
Run with Debian's python3 (python3-boto3): python3 -m unittest test_handlers
"""
import io
import json
import os
import threading
import time
import unittest
from contextlib import redirect_stdout
from http.server import BaseHTTPRequestHandler, HTTPServer

THROTTLED = (400, {"__type": "com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException",
                   "message": "throughput exceeded"})


def unprocessed(pk):
    return 200, {"UnprocessedItems": {"tbl": [{"PutRequest": {"Item": {"pk": {"S": pk}}}}]}}


DONE = (200, {"UnprocessedItems": {}})


class ScriptedDynamo(HTTPServer):
    """Answers each request with the next reply of its script, on 127.0.0.1."""

    def __init__(self, script):
        self.script, self.calls = list(script), 0
        super().__init__(("127.0.0.1", 0), Reply)


class Reply(BaseHTTPRequestHandler):
    def do_POST(self):
        self.rfile.read(int(self.headers.get("Content-Length", 0)))
        status, body = self.server.script[self.server.calls]
        self.server.calls += 1
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/x-amz-json-1.0")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def log_message(self, *args):
        pass


class Context:
    aws_request_id = "r1"
    function_name = "lambench-python-writer-x86_64"


def run_batch_write(script, items):
    server = ScriptedDynamo(script)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    os.environ.update({"AWS_ENDPOINT_URL_DYNAMODB": f"http://127.0.0.1:{server.server_port}", "TABLE_NAME": "tbl",
                       "AWS_ACCESS_KEY_ID": "k", "AWS_SECRET_ACCESS_KEY": "s", "AWS_DEFAULT_REGION": "us-east-1"})
    import handlers
    handlers._pooled.clear()  # a client for this server's address
    out = io.StringIO()
    try:
        with redirect_stdout(out):
            handlers._batch_write(Context(), {"batch_id": "b1", "label": "l"}, items, 0, time.perf_counter())
    finally:
        server.shutdown()
        server.server_close()
    return server.calls, json.loads(out.getvalue())


def item(index):
    return {"pk": {"S": "batch_id#b1"}, "sk": {"N": str(index)}}


class BatchWriteCounting(unittest.TestCase):
    def test_the_sdks_retry_of_a_throttle_and_a_resend_of_unprocessed_items_are_counted(self):
        # botocore retries the throttled request itself; the reply with one unprocessed item is sent again.
        calls, line = run_batch_write([THROTTLED, unprocessed("x"), DONE], [item(0), item(1)])
        self.assertEqual(3, calls)
        self.assertEqual((3, 2, 2), (line["OperationAttempts"], line["OperationThrottles"], line["OperationItems"]))
        self.assertEqual("BatchWriteItem", line["Operation"])
        self.assertGreater(line["OperationLatency"], 0)

    def test_an_unthrottled_write_is_one_request_and_no_throttle(self):
        calls, line = run_batch_write([DONE], [item(0)])
        self.assertEqual((1, 1, 0), (calls, line["OperationAttempts"], line["OperationThrottles"]))


if __name__ == "__main__":
    unittest.main()
