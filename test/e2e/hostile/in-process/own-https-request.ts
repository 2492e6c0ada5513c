import https from 'node:https';
import { hostile } from './base.ts';

// Kept at load time, before the suite's interception: the real https.request.
const ownRequest = https.request;

export default hostile(
  'own-https-request',
  (_call, input, context) =>
    new Promise((resolve, reject) => {
      const request = ownRequest(`${context.endpoint}/`, { method: 'POST', headers: { 'content-type': 'application/x-amz-json-1.1' } }, (response) => {
        response.resume();
        response.on('end', () => resolve({}));
      });
      request.on('error', reject);
      request.end(JSON.stringify(input));
    }),
);
