"""Builds a stand-in AWS account in a running moto server with boto3 (an implementation nobody here wrote), and puts
log lines into its log groups, for the tests of the aws target. Usage:

  moto_account.py setup <endpoint> <region> <setup.json>   # stack, role, functions, log groups (and extra groups)
  moto_account.py put-logs <endpoint> <region> <logs.json> # {"<log group>": ["message", ...], ...}
  moto_account.py bucket <endpoint> <region> <name>
  moto_account.py throttles <endpoint> <region> <function> <count>
"""
import io
import json
import sys
import time
import uuid
import zipfile

import boto3


def client(service, endpoint, region):
    return boto3.client(service, endpoint_url=endpoint, region_name=region,
                        aws_access_key_id="testing", aws_secret_access_key="testing")


def setup(endpoint, region, spec):
    iam = client("iam", endpoint, region)
    role = iam.create_role(RoleName="lambench-functions", AssumeRolePolicyDocument=json.dumps({
        "Version": "2012-10-17",
        "Statement": [{"Effect": "Allow", "Principal": {"Service": "lambda.amazonaws.com"}, "Action": "sts:AssumeRole"}]}))
    code = io.BytesIO()
    with zipfile.ZipFile(code, "w") as archive:
        archive.writestr("handlers.py", "def noop(event, context):\n    return {}\n")
    lam = client("lambda", endpoint, region)
    logs = client("logs", endpoint, region)
    for function in spec["functions"]:
        lam.create_function(FunctionName=function["name"], Runtime=function["runtime"], Handler="handlers.noop",
                            Role=role["Role"]["Arn"], Code={"ZipFile": code.getvalue()},
                            Architectures=[function["architecture"]], Timeout=function.get("timeout", 30),
                            MemorySize=function.get("memory", 512))
        lam.create_function_url_config(FunctionName=function["name"], AuthType="AWS_IAM")
        logs.create_log_group(logGroupName="/aws/lambda/" + function["name"])
    for group in spec.get("extra_log_groups", []):
        logs.create_log_group(logGroupName=group)
    if "stack" in spec:
        template = {"Resources": {"Marker": {"Type": "AWS::SQS::Queue", "Properties": {"QueueName": spec["stack"] + "-marker"}}},
                    "Outputs": {"Marker": {"Value": {"Ref": "Marker"}}}}
        client("cloudformation", endpoint, region).create_stack(
            StackName=spec["stack"], TemplateBody=json.dumps(template),
            Tags=[{"Key": key, "Value": value} for key, value in spec.get("tags", {}).items()])


def put_logs(endpoint, region, groups):
    logs = client("logs", endpoint, region)
    now = int(time.time() * 1000)
    for group, messages in groups.items():
        stream = "2026/11/23/[$LATEST]" + uuid.uuid4().hex
        logs.create_log_stream(logGroupName=group, logStreamName=stream)
        # PutLogEvents takes at most 10,000 events a call.
        for start in range(0, len(messages), 10000):
            batch = messages[start:start + 10000]
            logs.put_log_events(logGroupName=group, logStreamName=stream,
                                logEvents=[{"timestamp": now + i, "message": m} for i, m in enumerate(batch, start)])


def bucket(endpoint, region, name):
    client("s3", endpoint, region).create_bucket(Bucket=name)


def throttles(endpoint, region, function, count):
    client("cloudwatch", endpoint, region).put_metric_data(Namespace="AWS/Lambda", MetricData=[{
        "MetricName": "Throttles", "Dimensions": [{"Name": "FunctionName", "Value": function}],
        "Value": float(count), "Unit": "Count"}])


if __name__ == "__main__":
    command, endpoint, region = sys.argv[1], sys.argv[2], sys.argv[3]
    if command == "setup":
        with open(sys.argv[4]) as f:
            setup(endpoint, region, json.load(f))
    elif command == "put-logs":
        with open(sys.argv[4]) as f:
            put_logs(endpoint, region, json.load(f))
    elif command == "bucket":
        bucket(endpoint, region, sys.argv[4])
    elif command == "throttles":
        throttles(endpoint, region, sys.argv[4], int(sys.argv[5]))
    else:
        sys.exit("unknown command " + command)
