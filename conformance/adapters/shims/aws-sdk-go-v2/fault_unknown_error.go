//go:build fault_unknown_error

// A deliberately broken build of the shim, for the suite's self-tests (never shipped as a
// client under test): it behaves like a client whose error decoding ignores __type and the
// x-amzn-ErrorType header, so every service error surfaces as "UnknownError" (status code,
// request id and message are kept). Build with: go build -tags fault_unknown_error

package main

import (
	"context"
	"errors"

	"github.com/aws/aws-sdk-go-v2/aws/transport/http"
	cip "github.com/aws/aws-sdk-go-v2/service/cognitoidentityprovider"
	"github.com/aws/smithy-go"
	"github.com/aws/smithy-go/middleware"
)

func init() {
	fault = &faultInjection{
		label: "every service error decoded as UnknownError",
		options: func(o *cip.Options) {
			o.APIOptions = append(o.APIOptions, func(stack *middleware.Stack) error {
				return stack.Deserialize.Add(middleware.DeserializeMiddlewareFunc("ConformanceFaultUnknownError", forgetErrorCode), middleware.Before)
			})
		},
	}
}

// forgetErrorCode sits outside the operation's error deserializer and replaces the decoded
// service error with a generic one that has lost its code.
func forgetErrorCode(ctx context.Context, in middleware.DeserializeInput, next middleware.DeserializeHandler) (middleware.DeserializeOutput, middleware.Metadata, error) {
	out, meta, err := next.HandleDeserialize(ctx, in)
	var apiError smithy.APIError
	if err != nil && errors.As(err, &apiError) {
		generic := &smithy.GenericAPIError{Code: "UnknownError", Message: apiError.ErrorMessage()}
		var responseError *http.ResponseError
		if errors.As(err, &responseError) {
			responseError.Err = generic
			return out, meta, responseError
		}
		return out, meta, generic
	}
	return out, meta, err
}
