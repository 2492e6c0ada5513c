// Command aws-sdk-go-v2 is the conformance suite's process-adapter shim for the AWS SDK for
// Go v2 (service/cognitoidentityprovider). It speaks process-adapter protocol 1:
//
//   - first line on stdout: the capabilities line;
//   - then, for every JSON line read on stdin ({"id","input","endpoint","region"}), exactly one
//     answer line on stdout ({"id","ok":{...}} or {"id","error":{...}});
//   - a {"id","cancel":true} line cancels the call with that id (the client's context is
//     cancelled, and the call is answered as usual, normally with a CanceledError);
//   - EOF on stdin: finish the call in flight, then exit 0.
//
// Nothing else is ever written to stdout. Diagnostics go to stderr and never contain the
// values of Token, ClientId or ClientSecret.
//
// Retries: by default one attempt per call (capability retries=false), because the suite
// runs out-of-process clients in real time. SHIM_RETRY_MODE=standard switches to the SDK's
// standard retryer (3 attempts, the SDK's own classification of what is retryable) with the
// back-off delay set to zero, and declares retries=true, maxAttempts=3.
package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"reflect"
	"runtime/debug"
	"strings"
	"time"

	"github.com/aws/aws-sdk-go-v2/aws"
	awsmiddleware "github.com/aws/aws-sdk-go-v2/aws/middleware"
	"github.com/aws/aws-sdk-go-v2/aws/retry"
	awshttp "github.com/aws/aws-sdk-go-v2/aws/transport/http"
	"github.com/aws/aws-sdk-go-v2/config"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
	smithyhttp "github.com/aws/smithy-go/transport/http"
)

const protocolVersion = 1

const cognitoModule = "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"

// fault, when set by a file built with a fault_* tag, adds a deliberate defect to every
// client this shim creates. The shipped binary is built without any such tag.
var fault *faultInjection

type faultInjection struct {
	label   string
	options func(*cip.Options)
}

type capabilities struct {
	ClientSecret             bool `json:"clientSecret"`
	RevokeAssociatedSessions bool `json:"revokeAssociatedSessions"`
	Cancellation             bool `json:"cancellation"`
	Retries                  bool `json:"retries"`
	MaxAttempts              int  `json:"maxAttempts,omitempty"`
}

type helloLine struct {
	Protocol     int          `json:"protocol"`
	Name         string       `json:"name"`
	Capabilities capabilities `json:"capabilities"`
}

// caseInput mirrors RevokeTokenRequest. RevokeAssociatedSessions is accepted so that a
// request for it can be refused clearly: this SDK version has no such member.
type caseInput struct {
	Token                    *string `json:"Token"`
	ClientId                 *string `json:"ClientId"`
	ClientSecret             *string `json:"ClientSecret"`
	RevokeAssociatedSessions *string `json:"RevokeAssociatedSessions"`
}

type requestLine struct {
	ID       json.RawMessage `json:"id"`
	Input    json.RawMessage `json:"input"`
	Endpoint string          `json:"endpoint"`
	Region   string          `json:"region"`
	Cancel   bool            `json:"cancel"`
}

type metadata struct {
	HTTPStatusCode *int    `json:"httpStatusCode,omitempty"`
	RequestID      *string `json:"requestId,omitempty"`
}

type okBody struct {
	Metadata metadata `json:"$metadata"`
}

type errorBody struct {
	Name       string  `json:"name"`
	Message    string  `json:"message"`
	StatusCode *int    `json:"statusCode"`
	RequestID  *string `json:"requestId"`
}

type answerLine struct {
	ID    json.RawMessage `json:"id"`
	OK    *okBody         `json:"ok,omitempty"`
	Error *errorBody      `json:"error,omitempty"`
}

var stdout = os.Stdout

func logf(format string, args ...any) {
	fmt.Fprintf(os.Stderr, "aws-sdk-go-v2 shim: "+format+"\n", args...)
}

// writeLine writes one protocol line in a single write (os.Stdout is unbuffered).
func writeLine(v any) {
	data, err := json.Marshal(v)
	if err != nil {
		logf("cannot encode an answer: %v", err)
		os.Exit(70)
	}
	if _, err := stdout.Write(append(data, '\n')); err != nil {
		// The harness has gone away; nothing more to do.
		os.Exit(0)
	}
}

func moduleVersion(path string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "(unknown version)"
	}
	for _, dep := range info.Deps {
		if dep.Path == path {
			if dep.Replace != nil {
				return dep.Replace.Version
			}
			return dep.Version
		}
	}
	return "(unknown version)"
}

type settings struct {
	base        aws.Config
	retries     bool
	maxAttempts int
}

func main() {
	retryMode := os.Getenv("SHIM_RETRY_MODE")
	s := settings{maxAttempts: 1}
	switch retryMode {
	case "", "off":
	case "standard":
		s.retries = true
		s.maxAttempts = retry.DefaultMaxAttempts
	default:
		logf("SHIM_RETRY_MODE=%q is not supported (use standard or off)", retryMode)
		os.Exit(2)
	}

	// Shared configuration the way an application loads it: environment variables and
	// shared config files. The harness points the shared files away from the user's own.
	base, err := config.LoadDefaultConfig(context.Background())
	if err != nil {
		logf("loading the default configuration failed: %v", err)
		os.Exit(1)
	}
	s.base = base

	name := "aws-sdk-go-v2 cognitoidentityprovider " + moduleVersion(cognitoModule)
	if fault != nil {
		name += " [FAULT: " + fault.label + "]"
	}
	caps := capabilities{ClientSecret: true, RevokeAssociatedSessions: false, Cancellation: true, Retries: s.retries}
	if s.retries {
		caps.MaxAttempts = s.maxAttempts
	}
	writeLine(helloLine{Protocol: protocolVersion, Name: name, Capabilities: caps})

	lines := make(chan []byte)
	go readLines(os.Stdin, lines)

	var queued [][]byte
	next := func() ([]byte, bool) {
		if len(queued) > 0 {
			line := queued[0]
			queued = queued[1:]
			return line, true
		}
		line, ok := <-lines
		return line, ok
	}
	for {
		line, ok := next()
		if !ok {
			return
		}
		var req requestLine
		if err := json.Unmarshal(line, &req); err != nil || len(req.ID) == 0 {
			writeLine(answerLine{ID: json.RawMessage("null"), Error: &errorBody{Name: "ShimProtocolError", Message: "the shim could not read a request line as {\"id\",\"input\",\"endpoint\",\"region\"}"}})
			continue
		}
		if req.Cancel {
			// A cancel for a call that has already been answered: nothing to do.
			continue
		}
		queued = append(queued, runCase(s, req, lines)...)
	}
}

func readLines(r io.Reader, out chan<- []byte) {
	reader := bufio.NewReaderSize(r, 64*1024)
	for {
		line, err := reader.ReadBytes('\n')
		if trimmed := strings.TrimSpace(string(line)); trimmed != "" {
			out <- []byte(trimmed)
		}
		if err != nil {
			close(out)
			return
		}
	}
}

// runCase performs one call, watching stdin for a cancel line meanwhile. Lines that are not
// a cancel for this call are handed back to be processed afterwards.
func runCase(s settings, req requestLine, lines <-chan []byte) [][]byte {
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	done := make(chan answerLine, 1)
	go func() { done <- call(ctx, s, req) }()

	var later [][]byte
	for {
		select {
		case answer := <-done:
			writeLine(answer)
			return later
		case line, ok := <-lines:
			if !ok {
				// EOF while a call is in flight: no cancel can come any more. Answer this call;
				// the main loop then answers the lines already read and exits.
				writeLine(<-done)
				return later
			}
			var other requestLine
			if json.Unmarshal(line, &other) == nil && other.Cancel && string(other.ID) == string(req.ID) {
				cancel()
				continue
			}
			later = append(later, line)
		}
	}
}

func call(ctx context.Context, s settings, req requestLine) (answer answerLine) {
	answer.ID = req.ID
	defer func() {
		if r := recover(); r != nil {
			answer.OK = nil
			answer.Error = &errorBody{Name: "ShimPanic", Message: fmt.Sprintf("the shim panicked: %v", r)}
		}
	}()

	var in caseInput
	if err := json.Unmarshal(req.Input, &in); err != nil {
		answer.Error = &errorBody{Name: "ShimCannotExpressInput", Message: "the input is not an object of string members, which this SDK's RevokeTokenInput cannot carry"}
		return answer
	}
	if in.RevokeAssociatedSessions != nil {
		answer.Error = &errorBody{Name: "ShimCannotExpressInput", Message: "RevokeAssociatedSessions is not a member of RevokeTokenInput in this SDK version"}
		return answer
	}

	client := cip.NewFromConfig(s.base, func(o *cip.Options) {
		if req.Region != "" {
			o.Region = req.Region
		}
		if req.Endpoint != "" {
			o.BaseEndpoint = aws.String(req.Endpoint)
		}
		if s.retries {
			o.Retryer = retry.NewStandard(func(ro *retry.StandardOptions) {
				ro.MaxAttempts = s.maxAttempts
				ro.Backoff = retry.BackoffDelayerFunc(func(int, error) (time.Duration, error) { return 0, nil })
			})
		} else {
			o.RetryMaxAttempts = 1
		}
		if fault != nil {
			fault.options(o)
		}
	})

	out, err := client.RevokeToken(ctx, &cip.RevokeTokenInput{Token: in.Token, ClientId: in.ClientId, ClientSecret: in.ClientSecret})
	if err != nil {
		answer.Error = describeError(err)
		return answer
	}
	ok := &okBody{}
	if raw, isHTTP := awsmiddleware.GetRawResponse(out.ResultMetadata).(*smithyhttp.Response); isHTTP && raw != nil {
		status := raw.StatusCode
		ok.Metadata.HTTPStatusCode = &status
	}
	if id, found := awsmiddleware.GetRequestIDMetadata(out.ResultMetadata); found {
		ok.Metadata.RequestID = &id
	}
	answer.OK = ok
	return answer
}

// describeError turns an SDK error into the protocol's error object: the decoded error code
// and message for service errors, the SDK's error type otherwise.
func describeError(err error) *errorBody {
	out := &errorBody{}
	var responseError *awshttp.ResponseError
	if errors.As(err, &responseError) {
		// Status 0: the request never got a response (e.g. the connection was refused).
		if status := responseError.HTTPStatusCode(); status != 0 {
			out.StatusCode = &status
		}
		if id := responseError.ServiceRequestID(); id != "" {
			out.RequestID = &id
		}
	}

	var apiError smithy.APIError
	var canceled *smithy.CanceledError
	switch {
	case errors.As(err, &apiError):
		out.Name = apiError.ErrorCode()
		out.Message = apiError.ErrorMessage()
	case errors.As(err, &canceled):
		out.Name = "CanceledError"
		out.Message = canceled.Error()
	default:
		name, specific := specificError(err)
		out.Name = name
		out.Message = specific.Error()
	}
	if out.Name == "" {
		out.Name = "UnknownError"
	}
	return out
}

// specificError finds the most specific error in the chain, skipping the wrappers
// (OperationError, ResponseError, MaxAttemptsError) that only add context, and names it by
// its type: e.g. DeserializationError for a body that is not JSON, RequestSendError when
// the endpoint cannot be reached.
func specificError(err error) (string, error) {
	for e := err; e != nil; e = errors.Unwrap(e) {
		switch e.(type) {
		case *smithy.OperationError, *awshttp.ResponseError, *smithyhttp.ResponseError, *retry.MaxAttemptsError:
			continue
		}
		t := reflect.TypeOf(e)
		for t.Kind() == reflect.Pointer {
			t = t.Elem()
		}
		if t.Name() != "" {
			return t.Name(), e
		}
	}
	return "Error", err
}
