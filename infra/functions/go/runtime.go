// Lambench's functions under test, Go edition, for the provided.al2023 runtime. aws-lambda-go cannot be obtained
// where Lambench is built, so this file implements the Lambda Runtime API loop itself: GET .../invocation/next,
// run the handler named by _HANDLER, POST .../response or .../error.
package main

import (
	"bytes"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"os"
	"strconv"
	"time"
)

// Context is what a handler knows of its invocation (the subset of aws-lambda-go's lambdacontext it needs).
type Context struct {
	RequestID string
	Deadline  time.Time
}

type handler func(ctx Context, event json.RawMessage) (interface{}, error)

var handlers = map[string]handler{"writer": writer, "reader": reader, "cpu": cpu, "sleep": sleepHandler, "noop": noop}

func main() {
	api := "http://" + os.Getenv("AWS_LAMBDA_RUNTIME_API") + "/2018-06-01/runtime"
	name := os.Getenv("_HANDLER")
	handle, ok := handlers[name]
	if !ok {
		post(api+"/init/error", errorBody("Runtime.InvalidEntrypoint", fmt.Sprintf("unknown handler %q: writer, cpu, sleep or noop", name)), "Runtime.InvalidEntrypoint")
		os.Exit(1)
	}
	client := &http.Client{} // no timeout: next blocks until an invocation arrives
	for {
		response, err := client.Get(api + "/invocation/next")
		if err != nil {
			fmt.Fprintln(os.Stderr, "runtime API unreachable:", err)
			os.Exit(1)
		}
		event, _ := io.ReadAll(response.Body)
		response.Body.Close()
		requestID := response.Header.Get("Lambda-Runtime-Aws-Request-Id")
		deadlineMs, _ := strconv.ParseInt(response.Header.Get("Lambda-Runtime-Deadline-Ms"), 10, 64)
		result, err := handle(Context{RequestID: requestID, Deadline: time.UnixMilli(deadlineMs)}, event)
		endOutput(requestID)
		if err != nil {
			post(api+"/invocation/"+requestID+"/error", errorBody("Runtime.HandlerError", err.Error()), "Runtime.HandlerError")
			continue
		}
		body, _ := json.Marshal(result)
		post(api+"/invocation/"+requestID+"/response", body, "")
	}
}

// endOutput writes Lambench's local platform marker after the handler's lines, on stdout and stderr (only where the
// platform asks for it, never on AWS): it reads each stream on a thread of its own and waits for both lines before
// END and REPORT.
func endOutput(requestID string) {
	if marker := os.Getenv("LAMBENCH_OUTPUT_MARKER"); marker != "" {
		fmt.Fprintln(os.Stderr, marker+requestID)
		fmt.Println(marker + requestID)
	}
}

func errorBody(errorType, message string) []byte {
	body, _ := json.Marshal(map[string]interface{}{"errorType": errorType, "errorMessage": message, "stackTrace": []string{}})
	return body
}

func post(url string, body []byte, errorType string) {
	request, _ := http.NewRequest(http.MethodPost, url, bytes.NewReader(body))
	request.Header.Set("Content-Type", "application/json")
	if errorType != "" {
		request.Header.Set("Lambda-Runtime-Function-Error-Type", errorType)
	}
	response, err := http.DefaultClient.Do(request)
	if err != nil {
		fmt.Fprintln(os.Stderr, "runtime API unreachable:", err)
		os.Exit(1)
	}
	response.Body.Close()
}
