package conformance.shim;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.atomic.AtomicReference;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.exception.AwsErrorDetails;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.awscore.retry.AwsRetryStrategy;
import software.amazon.awssdk.core.SdkResponse;
import software.amazon.awssdk.core.exception.SdkServiceException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.http.ExecutableHttpRequest;
import software.amazon.awssdk.http.HttpExecuteRequest;
import software.amazon.awssdk.http.HttpExecuteResponse;
import software.amazon.awssdk.http.SdkHttpClient;
import software.amazon.awssdk.http.SdkHttpRequest;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.profiles.ProfileFile;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.retries.api.BackoffStrategy;
import software.amazon.awssdk.retries.api.RetryStrategy;
import software.amazon.awssdk.services.cognitoidentityprovider.CognitoIdentityProviderClient;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenRequest;
import software.amazon.awssdk.services.cognitoidentityprovider.model.RevokeTokenResponse;

/**
 * The conformance suite's process-adapter shim for the AWS SDK for Java 2.x
 * (software.amazon.awssdk:cognitoidentityprovider). It speaks process-adapter protocol 1
 * (CONTRACT.md section 2): the capabilities line first, then one answer line per case line,
 * a cancel line aborts the call in flight, EOF on stdin ends the program after the call in
 * flight. stdout carries only protocol lines (System.out is pointed at stderr so nothing the
 * SDK or a logger prints can reach it); diagnostics never contain Token, ClientId or
 * ClientSecret.
 *
 * Configuration, per call, on a fresh client: the case's endpoint and region, one attempt
 * (retries off), the JDK's HttpURLConnection client, obviously fake static credentials (so
 * the default provider chain never reads the user's files or asks an instance-metadata
 * endpoint; RevokeToken is unsigned and the suite checks that nothing signs it, rule C6) and
 * an empty profile file in place of ~/.aws/config.
 *
 * Retries: one attempt per call by default (capability retries=false), because the suite runs
 * out-of-process clients in real time. SHIM_RETRY_MODE=standard switches to the SDK's standard
 * strategy (3 attempts, the SDK's own classification of what is retryable) with no back-off
 * delay and no circuit breaker, and declares retries=true, maxAttempts=3.
 *
 * A deliberately broken variant, for the suite's self-tests only, is selected with
 * -Dconformance.shim.fault=target-uppercased: it sends X-Amz-Target in upper case.
 */
public final class Main {
  private static final int PROTOCOL = 1;
  private static final String FAULT = System.getProperty("conformance.shim.fault", "");
  private static final String RETRY_MODE = System.getenv().getOrDefault("SHIM_RETRY_MODE", "off");
  private static final boolean RETRIES = RETRY_MODE.equals("standard");
  private static final int STANDARD_MAX_ATTEMPTS = 3;
  private static final ProfileFile NO_PROFILES =
      ProfileFile.builder().content("").type(ProfileFile.Type.CONFIGURATION).build();
  private static final StaticCredentialsProvider FAKE_CREDENTIALS =
      StaticCredentialsProvider.create(AwsBasicCredentials.create("AKIDJAVASHIMFAKE0000", "fake-secret-for-conformance-only"));
  /** The wire client is shared (it keeps only its connection pool); each call gets its own SDK client. */
  private static final SdkHttpClient HTTP = ApacheHttpClient.create();

  private static PrintStream protocolOut;

  private Main() {}

  /** Something for the main loop: a stdin line, the end of stdin, or a finished call. */
  private record Event(String line, String answer, boolean endOfInput) {}

  public static void main(String[] args) throws Exception {
    protocolOut = new PrintStream(new java.io.FileOutputStream(java.io.FileDescriptor.out), false, StandardCharsets.UTF_8);
    System.setOut(System.err);
    if (!FAULT.isEmpty() && !FAULT.equals("target-uppercased")) {
      System.err.println("aws-sdk-java-v2 shim: conformance.shim.fault=" + FAULT + " is not a known fault (target-uppercased)");
      System.exit(2);
    }
    if (!RETRIES && !RETRY_MODE.isEmpty() && !RETRY_MODE.equals("off")) {
      System.err.println("aws-sdk-java-v2 shim: SHIM_RETRY_MODE=" + RETRY_MODE + " is not supported (use standard or off)");
      System.exit(2);
    }

    String name = "aws-sdk-java-v2 " + VersionInfo.SDK_VERSION + (FAULT.isEmpty() ? "" : " [FAULT: X-Amz-Target sent in upper case]");
    writeLine("{\"protocol\":" + PROTOCOL + ",\"name\":" + Json.quote(name)
        + ",\"capabilities\":{\"clientSecret\":true,\"revokeAssociatedSessions\":false,\"cancellation\":true,\"retries\":" + RETRIES
        + (RETRIES ? ",\"maxAttempts\":" + STANDARD_MAX_ATTEMPTS : "") + "}}");

    LinkedBlockingQueue<Event> events = new LinkedBlockingQueue<>();
    Thread reader = new Thread(() -> readLines(events), "stdin-reader");
    reader.setDaemon(true);
    reader.start();

    ArrayDeque<String> queued = new ArrayDeque<>();
    boolean endOfInput = false;
    while (true) {
      String line;
      if (!queued.isEmpty()) {
        line = queued.poll();
      } else if (endOfInput) {
        break;
      } else {
        Event event = events.take();
        if (event.endOfInput()) {
          endOfInput = true;
          continue;
        }
        line = event.line();
      }
      JsonNode request = parseOrNull(line);
      if (request == null || !request.isObject() || !request.asObject().containsKey("id")) {
        writeLine("{\"id\":null,\"error\":{\"name\":\"ShimProtocolError\",\"message\":\"the shim could not read a request line as {\\\"id\\\",\\\"input\\\",\\\"endpoint\\\",\\\"region\\\"}\"}}");
        continue;
      }
      Map<String, JsonNode> fields = request.asObject();
      String id = Json.write(fields.get("id"));
      if (isTrue(fields.get("cancel"))) continue; // a cancel for a call already answered

      // The call runs on its own thread so that a cancel line can reach it.
      Call call = new Call(id, fields);
      Thread worker = new Thread(() -> events.add(new Event(null, call.run(), false)), "call-" + id);
      worker.setDaemon(true);
      worker.start();
      while (true) {
        Event event = events.take();
        if (event.answer() != null) {
          writeLine(event.answer());
          break;
        }
        if (event.endOfInput()) {
          endOfInput = true;
          continue;
        }
        JsonNode other = parseOrNull(event.line());
        if (other != null && other.isObject() && isTrue(other.asObject().get("cancel"))
            && id.equals(Json.write(other.asObject().get("id")))) {
          call.cancel();
          continue;
        }
        queued.add(event.line());
      }
    }
    protocolOut.flush();
    System.exit(0);
  }

  private static void readLines(LinkedBlockingQueue<Event> events) {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (!line.isBlank()) events.add(new Event(line.strip(), null, false));
      }
    } catch (IOException e) {
      System.err.println("aws-sdk-java-v2 shim: reading stdin failed: " + e.getClass().getSimpleName());
    }
    events.add(new Event(null, null, true));
  }

  private static JsonNode parseOrNull(String line) {
    try {
      return JsonNode.parser().parse(line);
    } catch (RuntimeException e) {
      return null;
    }
  }

  private static boolean isTrue(JsonNode node) {
    return node != null && node.isBoolean() && node.asBoolean();
  }

  private static synchronized void writeLine(String line) {
    protocolOut.print(line);
    protocolOut.print('\n');
    protocolOut.flush();
    if (protocolOut.checkError()) System.exit(0); // the harness has gone away
  }

  /** One case: builds a client for it, calls RevokeToken, and renders the answer line. */
  private static final class Call {
    private final String id;
    private final Map<String, JsonNode> fields;
    private final AtomicReference<ExecutableHttpRequest> inFlight = new AtomicReference<>();
    private volatile boolean cancelled;
    private volatile Thread thread;

    Call(String id, Map<String, JsonNode> fields) {
      this.id = id;
      this.fields = fields;
    }

    /** Aborts the HTTP exchange in flight (closing its connection) and interrupts the call, which the SDK reports as an AbortedException. */
    void cancel() {
      cancelled = true;
      ExecutableHttpRequest request = inFlight.get();
      if (request != null) request.abort();
      Thread t = thread;
      if (t != null) t.interrupt();
    }

    String run() {
      thread = Thread.currentThread();
      try {
        return "{\"id\":" + id + "," + outcome() + "}";
      } catch (RuntimeException | Error unexpected) {
        return "{\"id\":" + id + ",\"error\":" + errorObject("ShimFailure", "the shim failed: " + unexpected.getClass().getName(), null, null) + "}";
      } finally {
        thread = null;
        Thread.interrupted();
      }
    }

    private String outcome() {
      JsonNode inputNode = fields.get("input");
      if (inputNode == null || !inputNode.isObject()) {
        return "\"error\":" + errorObject("ShimCannotExpressInput", "the case has no input object", null, null);
      }
      Map<String, JsonNode> input = inputNode.asObject();
      if (input.containsKey("RevokeAssociatedSessions")) {
        return "\"error\":" + errorObject("ShimCannotExpressInput", "RevokeAssociatedSessions is not a member of RevokeTokenRequest in this SDK version", null, null);
      }
      RevokeTokenRequest.Builder request = RevokeTokenRequest.builder();
      for (Map.Entry<String, JsonNode> member : input.entrySet()) {
        JsonNode value = member.getValue();
        if (value.isNull()) continue;
        if (!value.isString()) {
          return "\"error\":" + errorObject("ShimCannotExpressInput", "input member " + member.getKey() + " is not a string, which RevokeTokenRequest cannot carry", null, null);
        }
        switch (member.getKey()) {
          case "Token" -> request.token(value.asString());
          case "ClientId" -> request.clientId(value.asString());
          case "ClientSecret" -> request.clientSecret(value.asString());
          default -> {
            return "\"error\":" + errorObject("ShimCannotExpressInput", "input member " + member.getKey() + " is not a member of RevokeTokenRequest", null, null);
          }
        }
      }

      try (CognitoIdentityProviderClient client = buildClient()) {
        RevokeTokenResponse response = client.revokeToken(request.build());
        return "\"ok\":{\"$metadata\":" + metadata(response) + "}";
      } catch (AwsServiceException e) {
        AwsErrorDetails details = e.awsErrorDetails();
        String code = details == null ? null : details.errorCode();
        String message = details == null ? null : details.errorMessage();
        return "\"error\":" + errorObject(code == null || code.isEmpty() ? e.getClass().getSimpleName() : code, message == null ? "" : message, statusOf(e), e.requestId());
      } catch (SdkServiceException e) {
        return "\"error\":" + errorObject(e.getClass().getSimpleName(), String.valueOf(e.getMessage()), statusOf(e), e.requestId());
      } catch (RuntimeException e) {
        // Client-side failures (SdkClientException, AbortedException, ...): named by their type.
        String message = e.getMessage() == null ? "" : e.getMessage();
        return "\"error\":" + errorObject(e.getClass().getSimpleName(), message, null, null);
      }
    }

    private CognitoIdentityProviderClient buildClient() {
      JsonNode endpoint = fields.get("endpoint");
      JsonNode region = fields.get("region");
      var builder = CognitoIdentityProviderClient.builder()
          .httpClient(new AbortableHttpClient(HTTP, inFlight, () -> cancelled))
          .credentialsProvider(FAKE_CREDENTIALS)
          .region(Region.of(region != null && region.isString() ? region.asString() : "us-east-1"))
          .overrideConfiguration(o -> {
            o.retryStrategy(retryStrategy());
            o.defaultProfileFile(NO_PROFILES);
            o.defaultProfileName("default");
            if (FAULT.equals("target-uppercased")) o.addExecutionInterceptor(new UppercaseTarget());
          });
      if (endpoint != null && endpoint.isString()) builder.endpointOverride(URI.create(endpoint.asString()));
      return builder.build();
    }
  }

  private static RetryStrategy retryStrategy() {
    if (!RETRIES) return AwsRetryStrategy.doNotRetry();
    return AwsRetryStrategy.standardRetryStrategy().toBuilder()
        .maxAttempts(STANDARD_MAX_ATTEMPTS)
        .backoffStrategy(BackoffStrategy.retryImmediately())
        .throttlingBackoffStrategy(BackoffStrategy.retryImmediately())
        .circuitBreakerEnabled(false)
        .build();
  }

  private static Integer statusOf(SdkServiceException e) {
    int status = e.statusCode();
    return status == 0 ? null : status;
  }

  private static String metadata(SdkResponse response) {
    StringBuilder out = new StringBuilder("{");
    out.append("\"httpStatusCode\":").append(response.sdkHttpResponse().statusCode());
    String requestId = response instanceof RevokeTokenResponse r ? r.responseMetadata().requestId() : null;
    // The SDK fills in "UNKNOWN" when the answer has no x-amzn-RequestId: no id was sent.
    if (requestId != null && !requestId.equals("UNKNOWN")) out.append(",\"requestId\":").append(Json.quote(requestId));
    return out.append('}').toString();
  }

  private static String errorObject(String name, String message, Integer statusCode, String requestId) {
    return "{\"name\":" + Json.quote(name) + ",\"message\":" + Json.quote(message)
        + ",\"statusCode\":" + (statusCode == null ? "null" : statusCode.toString())
        + ",\"requestId\":" + (requestId == null ? "null" : Json.quote(requestId)) + "}";
  }

  /** Delegates to the shared wire client and remembers the exchange in flight, so that a cancel can abort it. */
  private record AbortableHttpClient(SdkHttpClient delegate, AtomicReference<ExecutableHttpRequest> inFlight, java.util.function.BooleanSupplier cancelled)
      implements SdkHttpClient {
    @Override
    public ExecutableHttpRequest prepareRequest(HttpExecuteRequest request) {
      ExecutableHttpRequest prepared = delegate.prepareRequest(request);
      inFlight.set(prepared);
      return new ExecutableHttpRequest() {
        @Override
        public HttpExecuteResponse call() throws IOException {
          if (cancelled.getAsBoolean()) throw new IOException("the call was cancelled before its request was sent");
          return prepared.call();
        }

        @Override
        public void abort() {
          prepared.abort();
        }
      };
    }

    @Override
    public String clientName() {
      return delegate.clientName();
    }

    @Override
    public void close() {
      // The shared wire client outlives every SDK client.
    }
  }

  /** The self-test fault: a client that sends the right target in the wrong case (rule C4). */
  private static final class UppercaseTarget implements ExecutionInterceptor {
    @Override
    public SdkHttpRequest modifyHttpRequest(Context.ModifyHttpRequest context, ExecutionAttributes attributes) {
      SdkHttpRequest request = context.httpRequest();
      return request.firstMatchingHeader("X-Amz-Target")
          .map(target -> request.toBuilder().putHeader("X-Amz-Target", target.toUpperCase(java.util.Locale.ROOT)).build())
          .orElse(request);
    }
  }

  /** Just enough JSON output for the protocol's lines. */
  private static final class Json {
    private Json() {}

    static String quote(String value) {
      StringBuilder out = new StringBuilder(value.length() + 2).append('"');
      for (int i = 0; i < value.length(); i++) {
        char c = value.charAt(i);
        switch (c) {
          case '"' -> out.append("\\\"");
          case '\\' -> out.append("\\\\");
          case '\n' -> out.append("\\n");
          case '\r' -> out.append("\\r");
          case '\t' -> out.append("\\t");
          default -> {
            if (c < 0x20 || c == 0x2028 || c == 0x2029) out.append(String.format("\\u%04x", (int) c));
            else out.append(c);
          }
        }
      }
      return out.append('"').toString();
    }

    /** Re-encodes a parsed id (a string or a number) exactly enough to echo it back. */
    static String write(JsonNode node) {
      if (node == null || node.isNull()) return "null";
      if (node.isString()) return quote(node.asString());
      if (node.isNumber()) return node.asNumber();
      if (node.isBoolean()) return Boolean.toString(node.asBoolean());
      return "null";
    }
  }
}
