// The conformance suite's process-adapter shim for the AWS SDK for Kotlin
// (aws.sdk.kotlin:cognitoidentityprovider-jvm). It speaks process-adapter protocol 1
// (CONTRACT.md section 2): the capabilities line first, then one answer line per case line; a
// cancel line cancels the coroutine of the call in flight; EOF on stdin ends the program after
// the call in flight. stdout carries protocol lines only (System.out is pointed at stderr, so
// nothing the SDK or a logger prints can reach it); diagnostics never contain Token, ClientId
// or ClientSecret.
//
// Configuration, per call, on a fresh client: the case's endpoint and region, one attempt
// (retries off: the suite runs out-of-process clients in real time), the SDK's default HTTP
// engine (OkHttp), and obviously fake static credentials, so the default chain never reads the
// user's files or asks an instance-metadata endpoint (RevokeToken is unsigned in the model and
// the suite checks that nothing signs it, rule C6). The suite's environment points
// AWS_CONFIG_FILE at an empty file, which the SDK reads for its profile settings.
package conformance.shim

import aws.sdk.kotlin.services.cognitoidentityprovider.CognitoIdentityProviderClient
import aws.sdk.kotlin.services.cognitoidentityprovider.model.RevokeTokenRequest
import aws.smithy.kotlin.runtime.ServiceException
import aws.smithy.kotlin.runtime.auth.awscredentials.Credentials
import aws.smithy.kotlin.runtime.auth.awscredentials.CredentialsProvider
import aws.smithy.kotlin.runtime.client.ProtocolResponseInterceptorContext
import aws.smithy.kotlin.runtime.collections.Attributes
import aws.smithy.kotlin.runtime.http.interceptors.HttpInterceptor
import aws.smithy.kotlin.runtime.http.request.HttpRequest
import aws.smithy.kotlin.runtime.http.response.HttpResponse
import aws.smithy.kotlin.runtime.net.url.Url
import java.io.FileDescriptor
import java.io.FileOutputStream
import java.io.PrintStream
import kotlin.concurrent.thread
import kotlinx.coroutines.CancellationException
import kotlinx.coroutines.CompletableDeferred
import kotlinx.coroutines.Dispatchers
import kotlinx.coroutines.channels.Channel
import kotlinx.coroutines.launch
import kotlinx.coroutines.runBlocking
import kotlinx.coroutines.selects.select
import kotlinx.serialization.json.Json
import kotlinx.serialization.json.JsonElement
import kotlinx.serialization.json.JsonNull
import kotlinx.serialization.json.JsonObject
import kotlinx.serialization.json.JsonPrimitive
import kotlinx.serialization.json.booleanOrNull
import kotlinx.serialization.json.buildJsonObject
import kotlinx.serialization.json.put

private const val PROTOCOL = 1

/** The SDK version the generated client was built as (the one its User-Agent names). */
private val SDK_VERSION: String = aws.sdk.kotlin.services.cognitoidentityprovider.SdkVersion

private val protocolOut = PrintStream(FileOutputStream(FileDescriptor.out), false, Charsets.UTF_8)

private val FAKE_CREDENTIALS =
    object : CredentialsProvider {
        override suspend fun resolve(attributes: Attributes): Credentials =
            Credentials("AKIDKOTLINSHIMFAKE00", "fake-secret-for-conformance-only")
    }

fun main() {
    System.setOut(System.err)
    writeLine(
        buildJsonObject {
            put("protocol", PROTOCOL)
            put("name", "aws-sdk-kotlin $SDK_VERSION")
            put(
                "capabilities",
                buildJsonObject {
                    put("clientSecret", true)
                    put("revokeAssociatedSessions", false)
                    put("cancellation", true)
                    put("retries", false)
                },
            )
        },
    )
    // A plain thread reads stdin (a blocking read cannot be cancelled); the loop below takes its
    // lines from a channel, so a cancel line can arrive while a call is in flight.
    val lines = Channel<String?>(Channel.UNLIMITED)
    thread(isDaemon = true, name = "stdin-reader") {
        try {
            System.`in`.bufferedReader(Charsets.UTF_8).forEachLine { line -> if (line.isNotBlank()) lines.trySend(line.trim()) }
        } catch (e: java.io.IOException) {
            System.err.println("aws-sdk-kotlin shim: reading stdin failed: ${e.javaClass.simpleName}")
        }
        lines.trySend(null)
    }
    runBlocking { serve(lines) }
    protocolOut.flush()
    System.exit(0)
}

private suspend fun kotlinx.coroutines.CoroutineScope.serve(lines: Channel<String?>) {
    val queued = ArrayDeque<String>()
    var endOfInput = false
    while (true) {
        val line =
            queued.removeFirstOrNull()
                ?: if (endOfInput) return else lines.receive() ?: run { endOfInput = true; null }
        if (line == null) continue
        val request = parseOrNull(line)
        if (request == null || !request.containsKey("id")) {
            writeLine(errorLine(JsonNull, "ShimProtocolError", "the shim could not read a request line as {\"id\",\"input\",\"endpoint\",\"region\"}"))
            continue
        }
        val id = request["id"]!!
        if (request.isTrue("cancel")) continue // a cancel for a call already answered

        val answer = CompletableDeferred<JsonObject>()
        val call = launch(Dispatchers.IO) { answer.complete(Call(id, request).run()) }
        // A call cancelled before its coroutine started never runs its body: answer for it.
        call.invokeOnCompletion { answer.complete(errorLine(id, "CancellationException", "the call was cancelled", null, null)) }
        while (true) {
            val done =
                select<Boolean> {
                    answer.onAwait { writeLine(it); true }
                    if (!endOfInput) {
                        lines.onReceive { other ->
                            if (other == null) {
                                endOfInput = true
                            } else {
                                val parsed = parseOrNull(other)
                                if (parsed != null && parsed.isTrue("cancel") && parsed["id"] == id) call.cancel() else queued.add(other)
                            }
                            false
                        }
                    }
                }
            if (done) break
        }
    }
}

private fun parseOrNull(line: String): JsonObject? = try {
    Json.parseToJsonElement(line) as? JsonObject
} catch (e: RuntimeException) {
    null
}

private fun JsonObject.isTrue(key: String): Boolean = (this[key] as? JsonPrimitive)?.booleanOrNull == true

@Synchronized
private fun writeLine(line: JsonObject) {
    protocolOut.print(line.toString())
    protocolOut.print('\n')
    protocolOut.flush()
    if (protocolOut.checkError()) System.exit(0) // the harness has gone away
}

private fun errorLine(id: JsonElement, name: String, message: String, statusCode: Int? = null, requestId: String? = null): JsonObject = buildJsonObject {
    put("id", id)
    put(
        "error",
        buildJsonObject {
            put("name", name)
            put("message", message)
            put("statusCode", statusCode)
            put("requestId", requestId)
        },
    )
}

/** Remembers the last HTTP answer of a call: the SDK's RevokeTokenResponse has no members, so its status is read here. */
private class LastResponse : HttpInterceptor {
    @Volatile var response: HttpResponse? = null

    override fun readAfterTransmit(context: ProtocolResponseInterceptorContext<Any, HttpRequest, HttpResponse>) {
        response = context.protocolResponse
    }
}

/** One case: builds a client for it, calls RevokeToken, and renders the answer line. */
private class Call(private val id: JsonElement, private val fields: JsonObject) {
    suspend fun run(): JsonObject = try {
        outcome()
    } catch (e: CancellationException) {
        errorLine(id, "CancellationException", "the call was cancelled")
    } catch (e: Throwable) {
        errorLine(id, "ShimFailure", "the shim failed: ${e.javaClass.name}")
    }

    private suspend fun outcome(): JsonObject {
        val input = fields["input"] as? JsonObject ?: return errorLine(id, "ShimCannotExpressInput", "the case has no input object")
        if (input.containsKey("RevokeAssociatedSessions")) {
            return errorLine(id, "ShimCannotExpressInput", "RevokeAssociatedSessions is not a member of RevokeTokenRequest in this SDK version")
        }
        val members = mutableMapOf<String, String>()
        for ((member, value) in input) {
            if (value is JsonNull) continue
            if (value !is JsonPrimitive || !value.isString) {
                return errorLine(id, "ShimCannotExpressInput", "input member $member is not a string, which RevokeTokenRequest cannot carry")
            }
            if (member !in setOf("Token", "ClientId", "ClientSecret")) {
                return errorLine(id, "ShimCannotExpressInput", "input member $member is not a member of RevokeTokenRequest")
            }
            members[member] = value.content
        }
        val request =
            RevokeTokenRequest {
                token = members["Token"]
                clientId = members["ClientId"]
                clientSecret = members["ClientSecret"]
            }
        val last = LastResponse()
        val endpoint = (fields["endpoint"] as? JsonPrimitive)?.takeIf { it.isString }?.content
        val region = (fields["region"] as? JsonPrimitive)?.takeIf { it.isString }?.content ?: "us-east-1"
        val client =
            CognitoIdentityProviderClient {
                this.region = region
                if (endpoint != null) endpointUrl = Url.parse(endpoint)
                credentialsProvider = FAKE_CREDENTIALS
                retryStrategy { maxAttempts = 1 }
                interceptors += last
            }
        return client.use {
            try {
                it.revokeToken(request)
                val response = last.response
                buildJsonObject {
                    put("id", id)
                    put(
                        "ok",
                        buildJsonObject {
                            put(
                                "\$metadata",
                                // The status as the SDK's own interceptor hook saw it. No requestId: the
                                // SDK exposes none on a success, and the shim reports what the SDK gives.
                                buildJsonObject { put("httpStatusCode", response?.status?.value) },
                            )
                        },
                    )
                }
            } catch (e: ServiceException) {
                val metadata = e.sdkErrorMetadata
                val status = (metadata.protocolResponse as? HttpResponse)?.status?.value
                val code = metadata.errorCode
                errorLine(
                    id,
                    if (code.isNullOrEmpty()) e.javaClass.simpleName else code,
                    metadata.errorMessage ?: "",
                    status,
                    metadata.requestId,
                )
            } catch (e: CancellationException) {
                throw e
            } catch (e: Exception) {
                // Client-side failures (ClientException, HttpException, ...): named by their type.
                errorLine(id, e.javaClass.simpleName, e.message ?: "")
            }
        }
    }
}
