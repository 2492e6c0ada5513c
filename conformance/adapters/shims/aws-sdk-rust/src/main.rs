//! The conformance suite's process-adapter shim for the AWS SDK for Rust
//! (aws-sdk-cognitoidentityprovider). It speaks process-adapter protocol 1 (CONTRACT.md, section 2):
//!
//! - first line on stdout: the capabilities line;
//! - then, for every JSON line read on stdin (`{"id","input","endpoint","region"}`), exactly
//!   one answer line on stdout (`{"id","ok":{...}}` or `{"id","error":{...}}`);
//! - `{"id","cancel":true}` cancels the call with that id: its future is dropped, which is how
//!   a Rust caller cancels an SDK call, and the call is answered with a `Cancelled` error;
//! - EOF on stdin: finish the call in flight, answer the lines already read, exit 0.
//!
//! Nothing else is ever written to stdout. Diagnostics go to stderr and never contain the
//! values of Token, ClientId or ClientSecret.
//!
//! Every case gets a fresh client: its own region and endpoint, one attempt per call
//! (RetryConfig::disabled, so capability retries=false), no credentials provider (RevokeToken
//! is modelled without auth, and the SDK then signs nothing), and no aws-config: nothing
//! reads the environment, the user's files or the instance metadata service.
//!
//! SHIM_RETRY_MODE=standard switches to the SDK's standard retry strategy (3 attempts, the
//! SDK's own classification of what is retryable) with no back-off delay, and declares
//! retries=true, maxAttempts=3. Each case then gets its own retry partition: the SDK keeps one
//! retry token bucket per partition for the whole process, and a shared one would let earlier
//! cases use up the retries of later ones.

use std::collections::VecDeque;
use std::io::{BufRead, Write};
use std::pin::pin;
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use aws_sdk_cognitoidentityprovider::config::interceptors::BeforeDeserializationInterceptorContextRef;
use aws_sdk_cognitoidentityprovider::config::retry::{RetryConfig, RetryPartition};
use aws_sdk_cognitoidentityprovider::config::{BehaviorVersion, ConfigBag, Intercept, Region, RuntimeComponents};
use aws_sdk_cognitoidentityprovider::error::{ProvideErrorMetadata, SdkError};
use aws_sdk_cognitoidentityprovider::operation::RequestId;
use aws_sdk_cognitoidentityprovider::{Client, Config};
use serde_json::{json, Map, Value};
use tokio::sync::mpsc;

#[cfg(feature = "fault_unknown_error")]
mod fault_unknown_error;

const PROTOCOL_VERSION: u32 = 1;
/// The standard strategy's default number of attempts.
const STANDARD_MAX_ATTEMPTS: u32 = 3;

/// How a call may retry, chosen once per process from SHIM_RETRY_MODE.
#[derive(Clone, Copy)]
enum Retries {
    Off,
    Standard,
}

static CASES_STARTED: AtomicU64 = AtomicU64::new(0);

fn retries_from_environment() -> Retries {
    match std::env::var("SHIM_RETRY_MODE").as_deref() {
        Err(_) | Ok("") | Ok("off") => Retries::Off,
        Ok("standard") => Retries::Standard,
        Ok(other) => {
            log(&format!("SHIM_RETRY_MODE={other:?} is not supported (use standard or off)"));
            std::process::exit(2);
        }
    }
}

type BoxError = Box<dyn std::error::Error + Send + Sync>;

fn log(message: &str) {
    eprintln!("aws-sdk-rust shim: {message}");
}

/// Writes one protocol line in a single write and flushes it: the suite reads line by line.
fn write_line(value: &Value) {
    let mut text = value.to_string();
    text.push('\n');
    let mut out = std::io::stdout().lock();
    if out.write_all(text.as_bytes()).and_then(|()| out.flush()).is_err() {
        // The suite has gone away; nothing more to do.
        std::process::exit(0);
    }
}

fn shim_name() -> String {
    let name = format!(
        "aws-sdk-rust {} (aws-sdk-cognitoidentityprovider)",
        aws_sdk_cognitoidentityprovider::meta::PKG_VERSION
    );
    #[cfg(feature = "fault_unknown_error")]
    let name = format!("{name} [FAULT: {}]", fault_unknown_error::LABEL);
    name
}

fn error_line(id: &Value, name: &str, message: &str, status: Option<u16>, request_id: Option<&str>) -> Value {
    json!({ "id": id, "error": { "name": name, "message": message, "statusCode": status, "requestId": request_id } })
}

/// The members RevokeTokenInput has in this SDK version, read from the case's input object.
struct CaseInput {
    token: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

fn read_input(input: Option<&Value>) -> Result<CaseInput, &'static str> {
    let empty = Map::new();
    let object = match input {
        None | Some(Value::Null) => &empty,
        Some(Value::Object(object)) => object,
        Some(_) => return Err("the input is not an object, which this SDK's RevokeTokenInput cannot carry"),
    };
    if object.contains_key("RevokeAssociatedSessions") {
        return Err("RevokeAssociatedSessions is not a member of RevokeTokenInput in this SDK version");
    }
    let member = |name: &str| match object.get(name) {
        None | Some(Value::Null) => Ok(None),
        Some(Value::String(text)) => Ok(Some(text.clone())),
        Some(_) => Err("a member of the input is not a string, which this SDK's RevokeTokenInput cannot carry"),
    };
    Ok(CaseInput { token: member("Token")?, client_id: member("ClientId")?, client_secret: member("ClientSecret")? })
}

/// Keeps the HTTP status of the response the call got: the SDK's RevokeTokenOutput carries the
/// request id but not the status, and the protocol's ok line reports both.
#[derive(Debug)]
struct RecordStatus(Arc<Mutex<Option<u16>>>);

impl Intercept for RecordStatus {
    fn name(&self) -> &'static str {
        "ConformanceRecordStatus"
    }

    fn read_before_deserialization(
        &self,
        context: &BeforeDeserializationInterceptorContextRef<'_>,
        _runtime_components: &RuntimeComponents,
        _cfg: &mut ConfigBag,
    ) -> Result<(), BoxError> {
        *self.0.lock().unwrap() = Some(context.response().status().as_u16());
        Ok(())
    }
}

async fn call(id: &Value, request: &Map<String, Value>, retries: Retries) -> Value {
    let input = match read_input(request.get("input")) {
        Ok(input) => input,
        Err(why) => return error_line(id, "ShimCannotExpressInput", why, None, None),
    };
    let endpoint = request.get("endpoint").and_then(Value::as_str).unwrap_or_default();
    let region = request.get("region").and_then(Value::as_str).unwrap_or("us-east-1");

    let status = Arc::new(Mutex::new(None));
    let builder = Config::builder()
        .behavior_version(BehaviorVersion::latest())
        .region(Region::new(region.to_owned()))
        .endpoint_url(endpoint);
    let builder = match retries {
        Retries::Off => builder.retry_config(RetryConfig::disabled()),
        Retries::Standard => builder
            .retry_config(
                RetryConfig::standard()
                    .with_max_attempts(STANDARD_MAX_ATTEMPTS)
                    .with_initial_backoff(Duration::ZERO)
                    .with_max_backoff(Duration::ZERO),
            )
            .retry_partition(RetryPartition::new(format!("conformance-case-{}", CASES_STARTED.fetch_add(1, Ordering::Relaxed)))),
    };
    let builder = builder
        // Plain HTTP only: the suite's fake service listens on 127.0.0.1 without TLS.
        .http_client(aws_smithy_http_client::Builder::new().build_http())
        .interceptor(RecordStatus(status.clone()));
    #[cfg(feature = "fault_unknown_error")]
    let builder = builder.interceptor(fault_unknown_error::ForgetErrorCode);
    let client = Client::from_conf(builder.build());

    let result = client
        .revoke_token()
        .set_token(input.token)
        .set_client_id(input.client_id)
        .set_client_secret(input.client_secret)
        .send()
        .await;
    match result {
        Ok(output) => {
            let recorded = *status.lock().unwrap();
            let mut metadata = Map::new();
            if let Some(code) = recorded {
                metadata.insert("httpStatusCode".into(), json!(code));
            }
            if let Some(request_id) = output.request_id() {
                metadata.insert("requestId".into(), json!(request_id));
            }
            json!({ "id": id, "ok": { "$metadata": metadata } })
        }
        Err(error) => describe_error(id, &error),
    }
}

/// The protocol's error object: the code and message the SDK decoded for a service error;
/// for every other failure, the SdkError variant's name and its full message.
fn describe_error<E, R>(id: &Value, error: &SdkError<E, R>) -> Value
where
    E: ProvideErrorMetadata + std::error::Error + 'static,
    R: std::fmt::Debug + 'static,
    SdkError<E, R>: std::error::Error,
    SdkError<E, R>: RequestId,
    R: HasStatus,
{
    let status = error.raw_response().map(HasStatus::status_code);
    let request_id = error.request_id();
    match error {
        SdkError::ServiceError(context) => {
            let service_error = context.err();
            // A service error without a code (e.g. a 500 with an empty body) is the SDK's
            // `Unhandled` variant; report it under that name.
            let name = service_error.code().unwrap_or("Unhandled");
            let message = service_error.message().map(str::to_owned).unwrap_or_else(|| error_chain(error));
            error_line(id, name, &message, status, request_id)
        }
        other => {
            let name = match other {
                SdkError::ConstructionFailure(_) => "ConstructionFailure",
                SdkError::TimeoutError(_) => "TimeoutError",
                SdkError::DispatchFailure(_) => "DispatchFailure",
                SdkError::ResponseError(_) => "ResponseError",
                _ => "SdkError",
            };
            error_line(id, name, &error_chain(other), status, request_id)
        }
    }
}

/// The error and its causes, each once, the way DisplayErrorContext words them but without the
/// Debug dump of the raw response that it appends.
fn error_chain(error: &(dyn std::error::Error + 'static)) -> String {
    let mut text = error.to_string();
    let mut cause = error.source();
    while let Some(inner) = cause {
        let line = inner.to_string();
        if !text.contains(&line) {
            text.push_str(": ");
            text.push_str(&line);
        }
        cause = inner.source();
    }
    text
}

trait HasStatus {
    fn status_code(&self) -> u16;
}

impl HasStatus for aws_sdk_cognitoidentityprovider::config::http::HttpResponse {
    fn status_code(&self) -> u16 {
        self.status().as_u16()
    }
}

fn parse_request(line: &str) -> Option<Map<String, Value>> {
    match serde_json::from_str::<Value>(line) {
        Ok(Value::Object(object)) if object.get("id").is_some_and(|id| !id.is_null()) => Some(object),
        _ => None,
    }
}

fn is_cancel_for(line: &str, id: &Value) -> bool {
    parse_request(line).is_some_and(|other| other.get("cancel") == Some(&Value::Bool(true)) && other.get("id") == Some(id))
}

/// Runs one call while watching stdin for its cancel line. Other lines read meanwhile are
/// queued, to be handled after this call is answered (one case is in flight at a time).
async fn run_case(request: Map<String, Value>, retries: Retries, lines: &mut mpsc::UnboundedReceiver<String>, queued: &mut VecDeque<String>) {
    let id = request.get("id").cloned().unwrap_or(Value::Null);
    let mut pending = pin!(call(&id, &request, retries));
    let mut stdin_open = true;
    loop {
        tokio::select! {
            answer = &mut pending => {
                write_line(&answer);
                return;
            }
            line = lines.recv(), if stdin_open => match line {
                // EOF while the call is in flight: no cancel can come any more; finish it.
                None => stdin_open = false,
                Some(line) if is_cancel_for(&line, &id) => {
                    write_line(&error_line(&id, "Cancelled", "the call was cancelled (its future was dropped) at the suite's request", None, None));
                    return;
                }
                Some(line) => queued.push_back(line),
            },
        }
    }
}

async fn serve(retries: Retries, mut lines: mpsc::UnboundedReceiver<String>) {
    let mut capabilities = json!({ "clientSecret": true, "revokeAssociatedSessions": false, "cancellation": true, "retries": false });
    if let Retries::Standard = retries {
        capabilities["retries"] = json!(true);
        capabilities["maxAttempts"] = json!(STANDARD_MAX_ATTEMPTS);
    }
    write_line(&json!({ "protocol": PROTOCOL_VERSION, "name": shim_name(), "capabilities": capabilities }));

    let mut queued = VecDeque::new();
    loop {
        let line = match queued.pop_front() {
            Some(line) => line,
            None => match lines.recv().await {
                Some(line) => line,
                None => return,
            },
        };
        let Some(request) = parse_request(&line) else {
            write_line(&error_line(&Value::Null, "ShimProtocolError", "the shim could not read a request line as {\"id\",\"input\",\"endpoint\",\"region\"}", None, None));
            continue;
        };
        if request.get("cancel") == Some(&Value::Bool(true)) {
            // A cancel for a call that has already been answered: nothing to do.
            continue;
        }
        run_case(request, retries, &mut lines, &mut queued).await;
    }
}

fn main() {
    let retries = retries_from_environment();
    let (sender, receiver) = mpsc::unbounded_channel();
    // stdin is read on a plain thread: tokio's stdin needs the multi-threaded blocking pool.
    std::thread::spawn(move || {
        for line in std::io::stdin().lock().lines() {
            let Ok(line) = line else { break };
            let line = line.trim().to_owned();
            if !line.is_empty() && sender.send(line).is_err() {
                break;
            }
        }
    });
    let runtime = match tokio::runtime::Builder::new_current_thread().enable_all().build() {
        Ok(runtime) => runtime,
        Err(error) => {
            log(&format!("cannot start the tokio runtime: {error}"));
            std::process::exit(70);
        }
    };
    runtime.block_on(serve(retries, receiver));
}
