using System.Globalization;

namespace Lambench.Runner.Costs;

/// <summary>
/// What a run costs on AWS, by service, in USD at the first price tier without the free tier (the marginal cost of a
/// run). Before a run, Lambda is an upper bound (every invocation billed to the timeout); after it, the billed
/// durations of its REPORT lines.
/// </summary>
public sealed record RunCost(long Invocations, decimal LambdaUsd, long DynamoDbWriteUnits, decimal DynamoDbUsd, long SqsRequests, decimal SqsUsd, long HttpApiRequests = 0, decimal HttpApiUsd = 0, decimal DynamoDbReadUnits = 0)
{
    public decimal TotalUsd => LambdaUsd + DynamoDbUsd + SqsUsd + HttpApiUsd;

    public string ToOneLine(string lambdaBasis) => string.Create(CultureInfo.InvariantCulture,
        $"{TotalUsd:0.000000} USD: Lambda {LambdaUsd:0.000000} ({Invocations} invocations, {lambdaBasis}), DynamoDB {DynamoDbUsd:0.000000} ({DynamoDbWriteUnits} write units{(DynamoDbReadUnits > 0 ? $", {DynamoDbReadUnits:0.#} read units" : string.Empty)}), SQS {SqsUsd:0.000000} ({SqsRequests} requests){(HttpApiRequests > 0 ? $", API Gateway {HttpApiUsd:0.000000} ({HttpApiRequests} HTTP API calls)" : string.Empty)}");
}
