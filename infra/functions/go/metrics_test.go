package main

import (
	"bytes"
	"encoding/json"
	"io"
	"net/http"
	"net/http/httptest"
	"os"
	"strings"
	"sync"
	"testing"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	"github.com/aws/aws-sdk-go-v2/credentials"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// A stand-in for DynamoDB that answers a script of BatchWriteItem replies in order: the SDK's own retry logic, not
// this code's reading of it, decides what is retried and how often.
func scriptedDynamo(t *testing.T, replies []func(w http.ResponseWriter)) (*dynamodb.Client, *int) {
	var mu sync.Mutex
	calls := 0
	server := httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		_, _ = io.Copy(io.Discard, r.Body)
		mu.Lock()
		defer mu.Unlock()
		if calls >= len(replies) {
			t.Errorf("request %d beyond the script", calls+1)
			w.WriteHeader(500)
			return
		}
		w.Header().Set("Content-Type", "application/x-amz-json-1.0")
		replies[calls](w)
		calls++
	}))
	t.Cleanup(server.Close)
	client := dynamodb.New(dynamodb.Options{
		Region:           "us-east-1",
		Credentials:      credentials.NewStaticCredentialsProvider("k", "s", ""),
		EndpointResolver: dynamodb.EndpointResolverFromURL(server.URL),
	})
	return client, &calls
}

func throttled(w http.ResponseWriter) {
	w.WriteHeader(400)
	_, _ = w.Write([]byte(`{"__type":"com.amazonaws.dynamodb.v20120810#ProvisionedThroughputExceededException","message":"throughput exceeded"}`))
}

func unprocessed(item string) func(w http.ResponseWriter) {
	return func(w http.ResponseWriter) {
		_, _ = w.Write([]byte(`{"UnprocessedItems":{"tbl":[{"PutRequest":{"Item":{"pk":{"S":"` + item + `"}}}}]}}`))
	}
}

func done(w http.ResponseWriter) { _, _ = w.Write([]byte(`{"UnprocessedItems":{}}`)) }

// captureStdout runs f and returns what it printed.
func captureStdout(t *testing.T, f func()) string {
	read, write, err := os.Pipe()
	if err != nil {
		t.Fatal(err)
	}
	saved := os.Stdout
	os.Stdout = write
	f()
	os.Stdout = saved
	_ = write.Close()
	var out bytes.Buffer
	_, _ = io.Copy(&out, read)
	return out.String()
}

func TestBatchWriteCountsTheSdksRetriesAndUnprocessedItemsAsThrottles(t *testing.T) {
	// A throttled request the SDK retries, then a reply with one unprocessed item, then its re-send accepted: three
	// requests, two of them throttled.
	client, calls := scriptedDynamo(t, []func(http.ResponseWriter){throttled, unprocessed("x"), done})
	items := []map[string]types.AttributeValue{writerItem("b1", 0, "l", "xx"), writerItem("b1", 1, "l", "xx")}
	var err error
	out := captureStdout(t, func() {
		err = batchWrite(Context{RequestID: "r1"}, client, "tbl", payload{BatchID: aws.String("b1")}, items, 0, time.Now())
	})
	if err != nil {
		t.Fatal(err)
	}
	if *calls != 3 {
		t.Fatalf("%d requests reached the table, want 3", *calls)
	}
	var line map[string]interface{}
	if err := json.Unmarshal([]byte(strings.TrimSpace(out)), &line); err != nil {
		t.Fatalf("not one JSON line: %q", out)
	}
	if line["OperationAttempts"] != 3.0 || line["OperationThrottles"] != 2.0 || line["OperationItems"] != 2.0 {
		t.Fatalf("attempts %v, throttles %v, items %v; want 3, 2, 2", line["OperationAttempts"], line["OperationThrottles"], line["OperationItems"])
	}
	if line["OperationLatency"].(float64) <= 0 || line["offset_ms"].(float64) < 0 {
		t.Fatalf("latency %v, offset %v", line["OperationLatency"], line["offset_ms"])
	}
}

func TestAnUnthrottledWriteIsOneAttemptAndNoThrottle(t *testing.T) {
	client, _ := scriptedDynamo(t, []func(http.ResponseWriter){done})
	out := captureStdout(t, func() {
		if err := batchWrite(Context{RequestID: "r2"}, client, "tbl", payload{BatchID: aws.String("b2")}, []map[string]types.AttributeValue{writerItem("b2", 0, "l", "")}, 3, time.Now()); err != nil {
			t.Error(err)
		}
	})
	var line map[string]interface{}
	_ = json.Unmarshal([]byte(strings.TrimSpace(out)), &line)
	if line["OperationAttempts"] != 1.0 || line["OperationThrottles"] != 0.0 || line["sequence"] != 3.0 {
		t.Fatalf("attempts %v, throttles %v, sequence %v; want 1, 0, 3", line["OperationAttempts"], line["OperationThrottles"], line["sequence"])
	}
}
