package main

import (
	"context"
	"encoding/json"
	"fmt"
	"net/http"
	"os"
	"strconv"
	"sync"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

var pooledClients = map[int]*dynamodb.Client{}

// newDynamoClient makes a client whose HTTP transport keeps up to pool connections to DynamoDB.
func newDynamoClient(pool int) (*dynamodb.Client, error) {
	httpClient := awshttp.NewBuildableClient().WithTransportOptions(func(t *http.Transport) {
		t.MaxIdleConns = pool
		t.MaxIdleConnsPerHost = pool
		t.MaxConnsPerHost = pool
	})
	cfg, err := config.LoadDefaultConfig(context.Background(), config.WithHTTPClient(httpClient))
	if err != nil {
		return nil, err
	}
	endpoint := os.Getenv("AWS_ENDPOINT_URL_DYNAMODB")
	return dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {
		if endpoint != "" {
			o.EndpointResolver = dynamodb.EndpointResolverFromURL(endpoint)
		}
	}), nil
}

type read struct {
	latencyMs          float64
	item               map[string]types.AttributeValue
	attempts, throttle int
	started, ended     time.Time
	err                error
}

// getItem is one GetItem, timed, with the requests it took and how many were throttled.
func getItem(client *dynamodb.Client, table string, key map[string]types.AttributeValue) read {
	started := time.Now()
	out, err := client.GetItem(context.Background(), &dynamodb.GetItemInput{TableName: &table, Key: key})
	if err != nil {
		return read{err: err}
	}
	results, _ := retry.GetAttemptResults(out.ResultMetadata)
	attempts := len(results.Results)
	if attempts == 0 {
		attempts = 1
	}
	return read{latencyMs: elapsedMs(started), item: out.Item, attempts: attempts, throttle: throttledAttempts(results), started: started, ended: time.Now()}
}

// reader reads count items of size_bytes with GetItem (pk seed#<size_bytes>, sk 0..count-1, written by the runner
// before the run), parallel at a time, on a client kept while warm (client: reuse) or made in the invocation
// (client: fresh) with a pool of pool connections; each GetItem is logged as an embedded metric line.
func reader(ctx Context, event json.RawMessage) (interface{}, error) {
	started := time.Now()
	p, isURL, err := begin(ctx, event)
	if err != nil {
		return nil, err
	}
	parallel, pool := intOr(p.Parallel, 1), intOr(p.Pool, 10)
	var client *dynamodb.Client
	if p.Client == "" || p.Client == "reuse" {
		if pooledClients[pool] == nil {
			if pooledClients[pool], err = newDynamoClient(pool); err != nil {
				return nil, err
			}
		}
		client = pooledClients[pool]
	} else if client, err = newDynamoClient(pool); err != nil {
		return nil, err
	}
	table := os.Getenv("TABLE_NAME")
	reads := make([]read, p.Count)
	slots := make(chan struct{}, parallel)
	var wait sync.WaitGroup
	for index := 0; index < p.Count; index++ {
		wait.Add(1)
		slots <- struct{}{}
		go func(index int) {
			defer func() { <-slots; wait.Done() }()
			key := map[string]types.AttributeValue{"pk": &types.AttributeValueMemberS{Value: "seed#" + strconv.Itoa(p.SizeBytes)}, "sk": &types.AttributeValueMemberN{Value: strconv.Itoa(index)}}
			reads[index] = getItem(client, table, key)
		}(index)
	}
	wait.Wait()
	// Logged once all reads are done, in key order, each stamped with the time it ended.
	for sequence, r := range reads {
		if r.err != nil {
			return nil, r.err
		}
		if r.item == nil {
			return nil, fmt.Errorf("item seed#%d/%d is missing: the runner writes the reader's items before a run", p.SizeBytes, sequence)
		}
		operationLine(r.ended, ctx, p, "GetItem", sequence, offsetMs(started, r.started),
			[]float64{r.latencyMs, 1, float64(itemBytes(r.item)), float64(r.attempts), float64(r.throttle)})
	}
	return respond(isURL, map[string]interface{}{"batch_id": p.BatchID, "items_read": p.Count, "handler_ms": handlerTime(ctx, p, started)}), nil
}
