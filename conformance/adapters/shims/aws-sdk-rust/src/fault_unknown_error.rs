//! A deliberately broken build of the shim, for the suite's self-tests (never shipped as a
//! client under test): it behaves like a client whose error decoding ignores `__type` and the
//! x-amzn-ErrorType header, so every service error surfaces as "UnknownError" (the message,
//! status code and request id are kept). Build with `--features fault_unknown_error`.

use aws_sdk_cognitoidentityprovider::config::interceptors::FinalizerInterceptorContextMut;
use aws_sdk_cognitoidentityprovider::config::{ConfigBag, Intercept, RuntimeComponents};
use aws_sdk_cognitoidentityprovider::error::{ErrorMetadata, ProvideErrorMetadata};
use aws_sdk_cognitoidentityprovider::operation::revoke_token::RevokeTokenError;
use aws_sdk_cognitoidentityprovider::operation::RequestId;
use aws_smithy_runtime_api::client::interceptors::context::Error;
use aws_smithy_runtime_api::client::orchestrator::OrchestratorError;

pub const LABEL: &str = "every service error decoded as UnknownError";

/// Where aws-types keeps the request id in an ErrorMetadata (aws_types::request_id).
const REQUEST_ID_KEY: &str = "aws_request_id";

/// Runs after the SDK has decoded the answer and swaps a decoded service error for a generic
/// one that has lost its code.
#[derive(Debug)]
pub struct ForgetErrorCode;

impl Intercept for ForgetErrorCode {
    fn name(&self) -> &'static str {
        "ConformanceFaultUnknownError"
    }

    fn modify_before_attempt_completion(
        &self,
        context: &mut FinalizerInterceptorContextMut<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), super::BoxError> {
        let Some(Err(failure)) = context.output_or_error_mut() else { return Ok(()) };
        let Some(decoded) = failure.as_operation_error().and_then(|e| e.downcast_ref::<RevokeTokenError>()) else { return Ok(()) };
        let mut metadata = ErrorMetadata::builder().code("UnknownError");
        if let Some(message) = decoded.message() {
            metadata = metadata.message(message);
        }
        if let Some(request_id) = decoded.request_id() {
            metadata = metadata.custom(REQUEST_ID_KEY, request_id);
        }
        *failure = OrchestratorError::operation(Error::erase(RevokeTokenError::generic(metadata.build())));
        Ok(())
    }
}
