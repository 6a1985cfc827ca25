package main

import (
	"context"
	"encoding/base64"
	"encoding/json"
	"fmt"
	"os"
	"sort"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/config"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb"
	"github.com/aws/aws-sdk-go-v2/service/dynamodb/types"
)

// payload is the message every workload reads; fields a workload does not use are ignored, as in Python.
type payload struct {
	BatchID    *string `json:"batch_id"`
	Label      *string `json:"label"`
	Repetition *int    `json:"repetition"`
	Round      *int    `json:"round"`
	SizeBytes  int     `json:"size_bytes"`
	Count      int     `json:"count"`
	Operation  string  `json:"operation"`
	DataSize   *int    `json:"data_size"`
	Iterations *int    `json:"iterations"`
	SleepMs    *int    `json:"sleep_ms"`
	Fail       string  `json:"fail"`
	// The reader's client settings (reader.go).
	Parallel *int   `json:"parallel"`
	Pool     *int   `json:"pool"`
	Client   string `json:"client"`
}

type envelope struct {
	Records []struct {
		Body string `json:"body"`
	} `json:"Records"`
	RequestContext *struct {
		HTTP *json.RawMessage `json:"http"`
	} `json:"requestContext"`
	Body            *string `json:"body"`
	IsBase64Encoded bool    `json:"isBase64Encoded"`
}

// payloads: SQS records' bodies, a function URL request's body, or the event itself (as handlers.py does).
func payloads(event json.RawMessage) ([]payload, bool, error) {
	var outer envelope
	_ = json.Unmarshal(event, &outer)
	var texts [][]byte
	isURL := false
	switch {
	case outer.Records != nil:
		for _, record := range outer.Records {
			texts = append(texts, []byte(record.Body))
		}
	case outer.RequestContext != nil && outer.Body != nil:
		isURL = outer.RequestContext.HTTP != nil
		body := []byte(*outer.Body)
		if outer.IsBase64Encoded {
			decoded, err := base64.StdEncoding.DecodeString(*outer.Body)
			if err != nil {
				return nil, false, err
			}
			body = decoded
		}
		texts = append(texts, body)
	default:
		texts = append(texts, event)
	}
	result := make([]payload, 0, len(texts))
	for _, text := range texts {
		var p payload
		if len(text) > 0 && string(text) != "null" {
			if err := json.Unmarshal(text, &p); err != nil {
				return nil, false, err
			}
		}
		result = append(result, p)
	}
	return result, isURL, nil
}

func tag(ctx Context, p payload) {
	line, _ := json.Marshal(map[string]interface{}{"request_id": ctx.RequestID, "batch_id": p.BatchID, "label": p.Label, "repetition": p.Repetition, "round": p.Round})
	fmt.Println(string(line))
}

func respond(isURL bool, result map[string]interface{}) interface{} {
	if !isURL {
		return result
	}
	body, _ := json.Marshal(result)
	return map[string]interface{}{"statusCode": 200, "headers": map[string]string{"content-type": "application/json"}, "body": string(body)}
}

func elapsedMs(started time.Time) float64 {
	return float64(time.Since(started).Microseconds()) / 1000
}

var table *dynamodb.Client

func dynamoClient() (*dynamodb.Client, error) {
	if table != nil {
		return table, nil
	}
	cfg, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		return nil, err
	}
	endpoint := os.Getenv("AWS_ENDPOINT_URL_DYNAMODB")
	table = dynamodb.NewFromConfig(cfg, func(o *dynamodb.Options) {
		if endpoint != "" {
			o.EndpointResolver = dynamodb.EndpointResolverFromURL(endpoint)
		}
	})
	return table, nil
}

func writer(ctx Context, event json.RawMessage) (interface{}, error) {
	started := time.Now()
	messages, isURL, err := payloads(event)
	if err != nil {
		return nil, err
	}
	client, err := dynamoClient()
	if err != nil {
		return nil, err
	}
	tableName := os.Getenv("TABLE_NAME")
	results := []map[string]interface{}{}
	sequence := 0
	for _, p := range messages {
		tag(ctx, p)
		if p.Fail == "raise" { // fault injection: a failed delivery, which SQS redelivers
			return nil, fmt.Errorf("failure asked for by the event")
		}
		if p.BatchID == nil {
			return nil, fmt.Errorf("batch_id is missing")
		}
		label := ""
		if p.Label != nil {
			label = *p.Label
		}
		data := strings.Repeat("x", p.SizeBytes)
		for start := 0; start < p.Count; start += 25 { // BatchWriteItem takes 25 items a request
			var items []map[string]types.AttributeValue
			for index := start; index < start+25 && index < p.Count; index++ {
				items = append(items, writerItem(*p.BatchID, index, label, data))
			}
			if err := batchWrite(ctx, client, tableName, p, items, sequence, started); err != nil {
				return nil, err
			}
			sequence++
		}
		results = append(results, map[string]interface{}{"batch_id": *p.BatchID, "items_written": p.Count})
	}
	return respond(isURL, map[string]interface{}{"results": results, "handler_ms": handlerTime(ctx, messages[0], started)}), nil
}

// lcg gives the same pseudo-random integers as handlers.py: x = (1103515245 x + 12345) mod 2^31.
func lcg(seed int64, n int) []int64 {
	values := make([]int64, n)
	x := seed
	for i := range values {
		x = (1103515245*x + 12345) % 2147483648
		values[i] = x
	}
	return values
}

func cpuChecksum(operation string, dataSize, iterations int) (int64, error) {
	const modulus = 4294967296
	var checksum int64
	for iteration := 0; iteration < iterations; iteration++ {
		switch operation {
		case "sort":
			ordered := lcg(int64(iteration+1), dataSize)
			sort.Slice(ordered, func(a, b int) bool { return ordered[a] < ordered[b] })
			var sum int64
			for i, v := range ordered {
				sum = (sum + v*int64(i+1)) % modulus
			}
			checksum = (checksum + sum) % modulus
		case "math":
			limit, primes := dataSize+iteration, int64(0)
			for candidate := 2; candidate <= limit; candidate++ {
				prime := true
				for divisor := 2; divisor*divisor <= candidate; divisor++ {
					if candidate%divisor == 0 {
						prime = false
						break
					}
				}
				if prime {
					primes++
				}
			}
			checksum = (checksum + primes*int64(iteration+1)) % modulus
		case "string":
			var builder strings.Builder
			for _, v := range lcg(int64(iteration+1), dataSize) {
				builder.WriteByte(byte(97 + v%26))
			}
			text := builder.String()
			upper := []rune(strings.ToUpper(text))
			for a, b := 0, len(upper)-1; a < b; a, b = a+1, b-1 {
				upper[a], upper[b] = upper[b], upper[a]
			}
			count := int64(strings.Count(string(upper), "A") + len(strings.Split(text, "e")))
			checksum = (checksum + count) % modulus
		default:
			return 0, fmt.Errorf("unknown operation '%s': sort, math or string", operation)
		}
	}
	return checksum, nil
}

// begin reads the one payload of a cpu, sleep or noop invocation and logs its tag line.
func begin(ctx Context, event json.RawMessage) (payload, bool, error) {
	messages, isURL, err := payloads(event)
	if err != nil {
		return payload{}, false, err
	}
	tag(ctx, messages[0])
	return messages[0], isURL, nil
}

func intOr(value *int, fallback int) int {
	if value == nil {
		return fallback
	}
	return *value
}

func cpu(ctx Context, event json.RawMessage) (interface{}, error) {
	started := time.Now()
	p, isURL, err := begin(ctx, event)
	if err != nil {
		return nil, err
	}
	operation := p.Operation
	if operation == "" {
		operation = "sort"
	}
	checksum, err := cpuChecksum(operation, intOr(p.DataSize, 1000), intOr(p.Iterations, 1))
	if err != nil {
		return nil, err
	}
	return respond(isURL, map[string]interface{}{"batch_id": p.BatchID, "operation": operation, "checksum": checksum, "handler_ms": handlerTime(ctx, p, started)}), nil
}

func sleepHandler(ctx Context, event json.RawMessage) (interface{}, error) {
	started := time.Now()
	p, isURL, err := begin(ctx, event)
	if err != nil {
		return nil, err
	}
	sleepMs := intOr(p.SleepMs, 3000)
	time.Sleep(time.Duration(sleepMs) * time.Millisecond)
	return respond(isURL, map[string]interface{}{"batch_id": p.BatchID, "slept_ms": sleepMs, "handler_ms": handlerTime(ctx, p, started)}), nil
}

func noop(ctx Context, event json.RawMessage) (interface{}, error) {
	started := time.Now()
	p, isURL, err := begin(ctx, event)
	if err != nil {
		return nil, err
	}
	switch p.Fail {
	case "raise":
		return nil, fmt.Errorf("failure asked for by the event")
	case "exit":
		os.Exit(3)
	case "hang":
		time.Sleep(time.Hour)
	}
	return respond(isURL, map[string]interface{}{"batch_id": p.BatchID, "handler_ms": handlerTime(ctx, p, started)}), nil
}
