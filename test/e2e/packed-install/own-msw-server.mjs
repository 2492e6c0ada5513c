// The user's own msw server answering with the suite's fixtures (handlerForFixture).
import { setupServer } from 'msw/node';
import { handlerForFixture, loadFixtures } from 'revoketoken-conformance/conformance';

const fixtures = await loadFixtures();
const server = setupServer(handlerForFixture(fixtures.find((f) => f.id === 'RevokeTokenForbiddenExceptionAsObserved')));
server.listen({ onUnhandledRequest: 'error' });
const response = await fetch('https://cognito-idp.us-east-1.amazonaws.com/', {
  method: 'POST',
  headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': 'AWSCognitoIdentityProviderService.RevokeToken' },
  body: JSON.stringify({ Token: 'token', ClientId: 'client' }),
});
console.log(JSON.stringify({ status: response.status, type: (await response.json()).__type }));
server.close();
