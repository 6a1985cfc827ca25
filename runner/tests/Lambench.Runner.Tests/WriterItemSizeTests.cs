using Amazon.DynamoDBv2;
using Amazon.DynamoDBv2.Model;
using Amazon.Runtime;
using Lambench.Core.Cost;
using Lambench.LocalPlatform.DynamoDb;
using Lambench.LocalPlatform.Template;
using Lambench.Runner.Costs;
using Lambench.Tests.Shared;

namespace Lambench.Runner.Tests;

/// <summary>
/// The writer item's billed size, as the cost estimate computes it, against dynalite's own item-size rule (an
/// independent implementation of DynamoDB's): the write units dynalite reports consuming for items shaped as the
/// writer puts them, on both sides of a KB boundary.
/// </summary>
[Trait("Tier", "system")]
public sealed class WriterItemSizeTests
{
    [Fact]
    public async Task The_estimates_write_units_are_the_ones_dynalite_consumes_for_the_writers_items()
    {
        var work = Path.Combine(RepositoryPaths.Root(), ".lambench", "local-tests-runner");
        await using var dynalite = await DynaliteServer.StartAsync(work, [new TableDefinition("T", "item-sizes", ("pk", "S"), ("sk", "N"))]);
        using var client = new AmazonDynamoDBClient(new BasicAWSCredentials("k", "s"), new AmazonDynamoDBConfig { ServiceURL = dynalite.Endpoint.ToString(), AuthenticationRegion = "us-east-1" });
        var services = new ServiceCostModel(PriceCatalogLoader.Load());
        const string batchId = "payment-20261204-165451-1835-00002-1-r0000001";
        const string written = "1764866154123457"; // 16 significant digits: the most written_us has until 2286
        foreach (var (label, index) in new[] { ("1KBx100", 0L), ("64KBx100", 37L), ("4KBx5", 120L) })
        {
            var fixedBytes = RunCostEstimator.WriterItemBytes(batchId, label, index, 0);
            foreach (var dataBytes in new[] { 3 * 1024 - fixedBytes, 3 * 1024 - fixedBytes + 1, 64 * 1024 - fixedBytes + 1 })
            {
                var answer = await client.PutItemAsync(new PutItemRequest
                {
                    TableName = "item-sizes",
                    Item = new Dictionary<string, AttributeValue>
                    {
                        ["pk"] = new() { S = "batch_id#" + batchId },
                        ["sk"] = new() { N = index.ToString(System.Globalization.CultureInfo.InvariantCulture) },
                        ["label"] = new() { S = label },
                        ["data"] = new() { S = new string('x', (int)dataBytes) },
                        ["written_us"] = new() { N = written },
                    },
                    ReturnConsumedCapacity = ReturnConsumedCapacity.TOTAL,
                });
                Assert.Equal(services.DynamoDbWriteUnits(RunCostEstimator.WriterItemBytes(batchId, label, index, dataBytes)), answer.ConsumedCapacity.CapacityUnits);
            }
        }
    }
}
