$version: "2"

// RevokeToken as Amazon Cognito user pools define it, in the current revision
// of the service model (see model/HISTORY.md for earlier revisions). Shape names,
// members and constraint traits follow the official model exactly; the prose in
// the documentation traits is this project's own.
namespace com.amazonaws.cognitoidentityprovider

use aws.api#service
use aws.auth#sigv4
use aws.protocols#awsJson1_1

/// The Cognito user pools API. This model keeps only the RevokeToken operation and
/// the shapes it reaches.
@service(
    sdkId: "Cognito Identity Provider"
    arnNamespace: "cognito-idp"
    cloudFormationName: "Cognito"
    cloudTrailEventSource: "cognito-idp.amazonaws.com"
    docId: "cognito-idp-2016-04-18"
    endpointPrefix: "cognito-idp"
)
@sigv4(name: "cognito-idp")
@awsJson1_1
@title("Amazon Cognito Identity Provider")
@xmlNamespace(uri: "http://cognito-idp.amazonaws.com/doc/2016-04-18/")
@smithy.rules#endpointRuleSet({
    version: "1.0"
    parameters: {
        Region: { builtIn: "AWS::Region", required: false, documentation: "The region the client sends to.", type: "String" }
        Endpoint: { builtIn: "SDK::Endpoint", required: false, documentation: "An endpoint that overrides the regional one.", type: "String" }
    }
    rules: [
        {
            conditions: [{ fn: "isSet", argv: [{ ref: "Endpoint" }] }]
            endpoint: { url: { ref: "Endpoint" } }
            type: "endpoint"
        }
        {
            conditions: [{ fn: "isSet", argv: [{ ref: "Region" }] }]
            endpoint: { url: "https://cognito-idp.{Region}.amazonaws.com" }
            type: "endpoint"
        }
        {
            conditions: []
            error: "Neither a region nor an endpoint was configured."
            type: "error"
        }
    ]
})
service AWSCognitoIdentityProviderService {
    version: "2016-04-18"
    operations: [
        RevokeToken
    ]
}

/// Ends one session: the given refresh token stops working, and so does every access and
/// ID token that was minted from it. The user's other sessions are unaffected. The call is
/// made without AWS credentials; the service checks the refresh token and the app client
/// (and its secret, when the client has one) instead of an IAM signature.
@auth([])
@optionalAuth
operation RevokeToken {
    input: RevokeTokenRequest
    output: RevokeTokenResponse
    errors: [
        ForbiddenException
        InternalErrorException
        InvalidParameterException
        OperationNotEnabledException
        TooManyRequestsException
        UnauthorizedException
        UnsupportedOperationException
        UnsupportedTokenTypeException
    ]
}

@input
structure RevokeTokenRequest {
    /// The refresh token of the session to end.
    @required
    Token: TokenModelType

    /// The app client that the refresh token was issued to.
    @required
    ClientId: ClientIdType

    /// The app client's secret. Needed only when the app client was created with one.
    ClientSecret: ClientSecretType

    /// Whether the single sign-on session that the token session belongs to is ended too.
    /// Leaving it out behaves like NONE.
    RevokeAssociatedSessions: RevokeAssociatedSessionsType
}

@output
structure RevokeTokenResponse {}

@pattern("^[A-Za-z0-9-_=.]+$")
@sensitive
string TokenModelType

@length(min: 1, max: 128)
@pattern("^[\\w+]+$")
@sensitive
string ClientIdType

@length(min: 24, max: 64)
@pattern("^[\\w+]+$")
@sensitive
string ClientSecretType

enum RevokeAssociatedSessionsType {
    /// End the parent single sign-on session as well as the token session.
    LINKED

    /// End only the token session of the given refresh token.
    NONE
}

string MessageType

string InvalidParameterExceptionReasonCodeType

/// A web ACL in AWS WAF that guards the user pool blocked the request.
@error("client")
@httpError(403)
structure ForbiddenException {
    /// Why WAF blocked the request.
    message: MessageType
}

/// Cognito failed while handling the request; the request itself may have been fine.
@error("server")
structure InternalErrorException {
    /// What went wrong inside the service.
    message: MessageType
}

/// A request member broke a constraint, or the service rejected one of its values.
@error("client")
@httpError(400)
structure InvalidParameterException {
    /// Which parameter was rejected and why.
    message: MessageType

    /// A machine-readable reason for the rejection.
    reasonCode: InvalidParameterExceptionReasonCodeType
}

/// The operation cannot run here: for example in a secondary replica region of a
/// multi-region user pool, or under the pool's present configuration.
@error("client")
@httpError(400)
structure OperationNotEnabledException {
    message: MessageType
}

/// The caller went over a request-rate quota for this operation.
@error("client")
@httpError(429)
structure TooManyRequestsException {
    /// Which limit was exceeded.
    message: MessageType
}

/// The caller could not be authenticated as the app client, for example because the
/// client secret was wrong or missing.
@error("client")
@httpError(401)
structure UnauthorizedException {
    message: MessageType
}

/// The app client does not allow this operation; for RevokeToken, token revocation is
/// switched off for the client.
@error("client")
@httpError(400)
structure UnsupportedOperationException {
    message: MessageType
}

/// The token is of a kind this operation does not take, such as an access or ID token
/// where a refresh token was expected.
@error("client")
@httpError(400)
structure UnsupportedTokenTypeException {
    message: MessageType
}
