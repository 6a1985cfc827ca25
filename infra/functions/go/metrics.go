package main

import (
	"context"
	"encoding/json"
	"fmt"
	"os"
	"strconv"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// CloudWatch embedded metric format: the same namespace, dimensions, names and units as handlers.py's.
const metricNamespace = "Lambench"

type metric struct {
	name, unit string
	value      float64
}

var operationMetrics = [][2]string{{"OperationLatency", "Milliseconds"}, {"OperationItems", "Count"}, {"OperationBytes", "Bytes"}, {"OperationAttempts", "Count"}, {"OperationThrottles", "Count"}}

// emf logs one embedded metric line stamped now: metrics under the dimensions (names in order, with values), plus members.
func emf(dimensionNames []string, dimensionValues map[string]string, metrics []metric, members map[string]interface{}) {
	emfAt(time.Now(), dimensionNames, dimensionValues, metrics, members)
}

// emfAt logs one embedded metric line stamped at the given time.
func emfAt(at time.Time, dimensionNames []string, dimensionValues map[string]string, metrics []metric, members map[string]interface{}) {
	definitions := make([]map[string]string, 0, len(metrics))
	document := map[string]interface{}{}
	for _, m := range metrics {
		definitions = append(definitions, map[string]string{"Name": m.name, "Unit": m.unit})
		document[m.name] = m.value
	}
	document["_aws"] = map[string]interface{}{"Timestamp": at.UnixMilli(), "CloudWatchMetrics": []interface{}{
		map[string]interface{}{"Namespace": metricNamespace, "Dimensions": [][]string{dimensionNames}, "Metrics": definitions}}}
	for name, value := range dimensionValues {
		document[name] = value
	}
	for name, value := range members {
		document[name] = value
	}
	line, _ := json.Marshal(document)
	fmt.Println(string(line))
}

// offsetMs is the time from the handler's start to an operation's start (ms, to the microsecond): where operations overlap.
func offsetMs(handlerStarted, operationStarted time.Time) float64 {
	return float64(operationStarted.Sub(handlerStarted).Microseconds()) / 1000
}

func functionName() string { return os.Getenv("AWS_LAMBDA_FUNCTION_NAME") }

// handlerTime logs the handler's own time as an embedded metric and returns it (ms, to the microsecond).
func handlerTime(ctx Context, p payload, started time.Time) float64 {
	handlerMs := elapsedMs(started)
	emf([]string{"FunctionName"}, map[string]string{"FunctionName": functionName()}, []metric{{"HandlerTime", "Milliseconds", handlerMs}},
		map[string]interface{}{"request_id": ctx.RequestID, "batch_id": p.BatchID, "label": p.Label})
	return handlerMs
}

// itemBytes counts attribute names plus values, numbers by their decimal text, as handlers.py does.
func itemBytes(item map[string]types.AttributeValue) int {
	total := 0
	for name, value := range item {
		total += len(name)
		switch v := value.(type) {
		case *types.AttributeValueMemberS:
			total += len(v.Value)
		case *types.AttributeValueMemberN:
			total += len(v.Value)
		}
	}
	return total
}

// throttledAttempts counts the SDK's attempts of one call that ended in a throttling error (its own list of codes).
func throttledAttempts(results retry.AttemptResults) int {
	count := 0
	for _, result := range results.Results {
		if result.Err != nil && retry.IsErrorThrottles(retry.DefaultThrottles).IsErrorThrottle(result.Err) == aws.TrueTernary {
			count++
		}
	}
	return count
}

// batchWrite is one BatchWriteItem operation (at most 25 items), with unprocessed items sent again after a growing
// wait, logged as an embedded metric line: its latency, items, bytes, requests and throttled requests.
func batchWrite(ctx Context, client *dynamodb.Client, tableName string, p payload, items []map[string]types.AttributeValue, sequence int, handlerStarted time.Time) error {
	requests := make([]types.WriteRequest, 0, len(items))
	size := 0
	for _, item := range items {
		requests = append(requests, types.WriteRequest{PutRequest: &types.PutRequest{Item: item}})
		size += itemBytes(item)
	}
	attempts, throttles := 0, 0
	pending := map[string][]types.WriteRequest{tableName: requests}
	started := time.Now()
	for len(pending[tableName]) > 0 {
		if attempts > 0 {
			time.Sleep(time.Duration(attempts*50) * time.Millisecond)
		}
		out, err := client.BatchWriteItem(context.Background(), &dynamodb.BatchWriteItemInput{RequestItems: pending})
		if err != nil {
			return err
		}
		results, _ := retry.GetAttemptResults(out.ResultMetadata)
		if len(results.Results) > 0 {
			attempts += len(results.Results)
		} else {
			attempts++
		}
		throttles += throttledAttempts(results)
		pending = out.UnprocessedItems
		if len(pending[tableName]) > 0 {
			throttles++
		}
	}
	values := []float64{elapsedMs(started), float64(len(items)), float64(size), float64(attempts), float64(throttles)}
	operationLine(time.Now(), ctx, p, "BatchWriteItem", sequence, offsetMs(handlerStarted, started), values)
	return nil
}

// operationLine logs one DynamoDB call as an embedded metric line stamped at: values in operationMetrics' order.
func operationLine(at time.Time, ctx Context, p payload, operation string, sequence int, offset float64, values []float64) {
	metrics := make([]metric, len(operationMetrics))
	for i, definition := range operationMetrics {
		metrics[i] = metric{definition[0], definition[1], values[i]}
	}
	emfAt(at, []string{"FunctionName", "Operation"}, map[string]string{"FunctionName": functionName(), "Operation": operation}, metrics,
		map[string]interface{}{"request_id": ctx.RequestID, "batch_id": p.BatchID, "label": p.Label, "sequence": sequence, "offset_ms": offset})
}

// writerItem is one item of the writer: pk batch_id#<id>, sk its index, label, data and written_us, this function's
// clock when it issued the item's write (µs since the epoch), which the runner reads back for the time from a
// request's send to its durable effect.
func writerItem(batchID string, index int, label, data string) map[string]types.AttributeValue {
	return map[string]types.AttributeValue{
		"pk":         &types.AttributeValueMemberS{Value: "batch_id#" + batchID},
		"sk":         &types.AttributeValueMemberN{Value: strconv.Itoa(index)},
		"label":      &types.AttributeValueMemberS{Value: label},
		"data":       &types.AttributeValueMemberS{Value: data},
		"written_us": &types.AttributeValueMemberN{Value: strconv.FormatInt(time.Now().UnixMicro(), 10)},
	}
}
