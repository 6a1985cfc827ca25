using System.Text.Json;
using Amazon.Runtime;
using Amazon.SQS;
using Amazon.SQS.Model;

namespace Lambench.LocalPlatform.Tests;

// SQS through three independent clients: the AWS CLI and boto3 (query protocol) and the AWS SDK for .NET (JSON).
[Trait("Tier", "system")] // a local platform of real processes
[Collection(PlatformCollection.Name)]
public sealed class SqsTests(PlatformFixture fixture)
{
    private readonly LocalPlatform platform = fixture.Platform;

    // The test: a message sent with `aws sqs send-message` reaches the writer through the event source
    // mapping, and its 100 items are found with `aws dynamodb query`.
    [Fact]
    public async Task A_message_sent_with_the_cli_is_written_by_the_python_writer_through_the_trigger()
    {
        var batch = "sqs-" + Guid.NewGuid().ToString("N")[..8];
        var (exit, stdout, stderr) = AwsClients.Aws(platform, "sqs", "get-queue-url", "--queue-name", "lambench-python-writer-x86_64-writes");
        Assert.True(exit == 0, stderr);
        var url = JsonDocument.Parse(stdout).RootElement.GetProperty("QueueUrl").GetString()!;
        (exit, _, stderr) = AwsClients.Aws(platform, "sqs", "send-message", "--queue-url", url, "--message-body", $$$"""{"batch_id": "{{{batch}}}", "size_bytes": 1024, "count": 100, "label": "1KBx100"}""");
        Assert.True(exit == 0, stderr);

        var count = 0;
        for (var attempt = 0; attempt < 60 && count < 100; attempt++)
        {
            await Task.Delay(500);
            var query = AwsClients.Aws(platform, "--endpoint-url", platform.DynamoDbEndpoint!.ToString().TrimEnd('/'), "dynamodb", "query", "--table-name", "lambench-writes",
                "--key-condition-expression", "pk = :pk", "--expression-attribute-values", $$$"""{":pk": {"S": "batch_id#{{{batch}}}"}}""", "--select", "COUNT");
            count = JsonDocument.Parse(query.Output).RootElement.GetProperty("Count").GetInt32();
        }

        Assert.Equal(100, count);
        var mapping = platform.EventSourceMappings.Single(m => m.Queue.Name == "lambench-python-writer-x86_64-writes");
        Assert.True(mapping.Invocations >= 1);
        var attributes = JsonDocument.Parse(AwsClients.Aws(platform, "sqs", "get-queue-attributes", "--queue-url", url, "--attribute-names", "All").Output).RootElement.GetProperty("Attributes");
        Assert.Equal("0", attributes.GetProperty("ApproximateNumberOfMessages").GetString()); // deleted after success
        Assert.Equal(2, platform.Functions["lambench-python-writer-x86_64"].State.Definition.SqsEvents[0].MaximumConcurrency);
    }

    [Fact]
    public void Boto3_sees_visibility_timeouts_redelivery_and_the_dead_letter_queue()
    {
        var (exit, stdout, stderr) = AwsClients.Boto3(platform, """
            import json, sys, time, boto3
            sqs = boto3.client("sqs", endpoint_url=sys.argv[1])
            dlq = sqs.create_queue(QueueName="boto-dlq")["QueueUrl"]
            dlq_arn = sqs.get_queue_attributes(QueueUrl=dlq, AttributeNames=["QueueArn"])["Attributes"]["QueueArn"]
            q = sqs.create_queue(QueueName="boto-main", Attributes={"VisibilityTimeout": "1", "RedrivePolicy": json.dumps({"deadLetterTargetArn": dlq_arn, "maxReceiveCount": 1})})["QueueUrl"]
            sqs.send_message_batch(QueueUrl=q, Entries=[{"Id": str(i), "MessageBody": "m%d" % i} for i in range(3)])
            first = sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=10, AttributeNames=["All"])["Messages"]
            counts = sqs.get_queue_attributes(QueueUrl=q, AttributeNames=["All"])["Attributes"]
            hidden = sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=10).get("Messages", [])
            sqs.delete_message(QueueUrl=q, ReceiptHandle=first[0]["ReceiptHandle"])
            time.sleep(1.2)
            again = sqs.receive_message(QueueUrl=q, MaxNumberOfMessages=10, WaitTimeSeconds=1).get("Messages", [])
            dead = sqs.receive_message(QueueUrl=dlq, MaxNumberOfMessages=10).get("Messages", [])
            try:
                sqs.get_queue_url(QueueName="no-such-queue")
                error = None
            except sqs.exceptions.QueueDoesNotExist as e:
                error = e.response["Error"]["Code"]
            print(json.dumps({"first": len(first), "receive_count": first[0]["Attributes"]["ApproximateReceiveCount"],
                              "not_visible": counts["ApproximateNumberOfMessagesNotVisible"], "hidden": len(hidden),
                              "again": len(again), "dead": sorted(m["Body"] for m in dead), "error": error}))
            """);
        Assert.True(exit == 0, stderr);
        var result = JsonDocument.Parse(stdout).RootElement;
        Assert.Equal(3, result.GetProperty("first").GetInt32());
        Assert.Equal("1", result.GetProperty("receive_count").GetString());
        Assert.Equal("3", result.GetProperty("not_visible").GetString());
        Assert.Equal(0, result.GetProperty("hidden").GetInt32()); // in flight: invisible
        Assert.Equal(0, result.GetProperty("again").GetInt32());   // received once already = maxReceiveCount: moved, not redelivered
        Assert.Equal(2, result.GetProperty("dead").GetArrayLength());
        Assert.Equal("AWS.SimpleQueueService.NonExistentQueue", result.GetProperty("error").GetString());
    }

    [Fact]
    public async Task The_aws_sdk_for_dotnet_speaks_the_json_protocol_to_it()
    {
        using var client = new AmazonSQSClient(new BasicAWSCredentials(LocalPlatform.AccessKeyId, LocalPlatform.SecretAccessKey), new AmazonSQSConfig { ServiceURL = platform.Endpoint.ToString() });
        var url = (await client.CreateQueueAsync(new CreateQueueRequest { QueueName = "sdk-queue", Attributes = new() { ["VisibilityTimeout"] = "5" } })).QueueUrl;
        var sent = await client.SendMessageAsync(url, "hello");
        Assert.Equal("5d41402abc4b2a76b9719d911017c592", sent.MD5OfMessageBody); // md5("hello"), by hand with md5sum
        var received = await client.ReceiveMessageAsync(new ReceiveMessageRequest { QueueUrl = url, MaxNumberOfMessages = 1, WaitTimeSeconds = 1 });
        Assert.Equal("hello", Assert.Single(received.Messages).Body);
        await client.DeleteMessageAsync(url, received.Messages[0].ReceiptHandle);
        var attributes = await client.GetQueueAttributesAsync(url, ["ApproximateNumberOfMessages", "ApproximateNumberOfMessagesNotVisible"]);
        Assert.Equal((0, 0), (attributes.ApproximateNumberOfMessages, attributes.ApproximateNumberOfMessagesNotVisible));
        await Assert.ThrowsAsync<QueueDoesNotExistException>(() => client.GetQueueUrlAsync("no-such-queue"));
        await client.PurgeQueueAsync(url);
    }
}
