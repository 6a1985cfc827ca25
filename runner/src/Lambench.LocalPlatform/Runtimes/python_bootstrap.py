"""The local platform's Python runtime: the Lambda Runtime API loop of the managed python3.x runtimes, in brief.

Started by Lambench as `python3 -u python_bootstrap.py` in the function's code folder with _HANDLER=module.function.
Import errors are reported to /init/error, handler exceptions to /invocation/<id>/error, like the managed runtime.
"""
import importlib
import json
import os
import sys
import time
import traceback
import urllib.request

API = "http://" + os.environ["AWS_LAMBDA_RUNTIME_API"] + "/2018-06-01/runtime"


def post(path, body, error_type=None):
    request = urllib.request.Request(API + path, data=json.dumps(body).encode("utf-8"), method="POST")
    request.add_header("Content-Type", "application/json")
    if error_type:
        request.add_header("Lambda-Runtime-Function-Error-Type", error_type)
    urllib.request.urlopen(request).read()


def error_body(exception):
    return {"errorMessage": str(exception), "errorType": type(exception).__name__,
            "stackTrace": traceback.format_tb(exception.__traceback__)}


class Context:
    def __init__(self, request_id, deadline_ms, arn):
        self.aws_request_id = request_id
        self.invoked_function_arn = arn
        self.function_name = os.environ.get("AWS_LAMBDA_FUNCTION_NAME")
        self.function_version = os.environ.get("AWS_LAMBDA_FUNCTION_VERSION", "$LATEST")
        self.memory_limit_in_mb = os.environ.get("AWS_LAMBDA_FUNCTION_MEMORY_SIZE")
        self.log_group_name = os.environ.get("AWS_LAMBDA_LOG_GROUP_NAME")
        self.log_stream_name = os.environ.get("AWS_LAMBDA_LOG_STREAM_NAME")
        self._deadline_ms = deadline_ms

    def get_remaining_time_in_millis(self):
        return max(0, int(self._deadline_ms - time.time() * 1000))


def end_output(request_id):
    # The platform's marker after the handler's lines, on both streams: it reads each on a thread of its own, and
    # waits for both lines before it writes END and REPORT, so the handler's lines come first in the log, as on AWS.
    marker = os.environ.get("LAMBENCH_OUTPUT_MARKER")
    if marker:
        print(marker + request_id, file=sys.stderr)
        print(marker + request_id)
    sys.stderr.flush()
    sys.stdout.flush()


def main():
    sys.path.insert(0, os.environ.get("LAMBDA_TASK_ROOT", os.getcwd()))
    module_name, _, function_name = os.environ["_HANDLER"].rpartition(".")
    try:
        handler = getattr(importlib.import_module(module_name), function_name)
    except Exception as exception:  # the managed runtime reports Runtime.ImportModuleError
        post("/init/error", error_body(exception), "Runtime.ImportModuleError")
        sys.exit(1)
    while True:
        with urllib.request.urlopen(API + "/invocation/next") as response:
            request_id = response.headers["Lambda-Runtime-Aws-Request-Id"]
            deadline_ms = int(response.headers.get("Lambda-Runtime-Deadline-Ms", "0"))
            arn = response.headers.get("Lambda-Runtime-Invoked-Function-Arn")
            event = json.loads(response.read() or b"null")
        try:
            result = handler(event, Context(request_id, deadline_ms, arn))
        except Exception as exception:
            end_output(request_id)
            post(f"/invocation/{request_id}/error", error_body(exception), "Runtime.HandlerError")
            continue
        end_output(request_id)
        post(f"/invocation/{request_id}/response", result)


if __name__ == "__main__":
    main()
