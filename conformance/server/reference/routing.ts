import { AWS_JSON_1_1_CONTENT_TYPE as AWS_JSON_1_1 } from '../../protocol/aws-json.ts';
import { ServiceError } from './service-error.ts';

/** The shape name of Cognito's service, which awsJson puts in front of every X-Amz-Target. @internal */
export const SERVICE_SHAPE_NAME = 'AWSCognitoIdentityProviderService';

/** @internal */
export type Claim<Operation extends string> = { ok: true; operation: Operation } | { ok: false; error: ServiceError };

/**
 * Decides whether a request is an awsJson 1.1 call to one of `operations` (checklist S1), and
 * if not, which framework error it gets (S2). The order follows smithy-rs's router (path,
 * method, target), with the media type checked last, once the operation is known.
 * @internal
 */
export function claimRequest<Operation extends string>(request: Request, operations: ReadonlySet<Operation>): Claim<Operation> {
  const { pathname } = new URL(request.url);
  if (pathname !== '/') {
    return refuse('UnknownOperationException', 'Requests must be sent to the root path /.');
  }
  if (request.method !== 'POST') {
    return {
      ok: false,
      error: new ServiceError('UnknownOperationException', 'Requests must use the POST method.', {
        status: 405,
        headers: { Allow: 'POST' },
      }),
    };
  }
  const target = request.headers.get('x-amz-target');
  if (target === null) {
    return refuse('UnknownOperationException', 'The X-Amz-Target header is missing.');
  }
  const operation = operationOf(target, operations);
  if (operation === undefined) {
    // The target is client input but not a secret; still, a bounded echo keeps messages sane.
    return refuse('UnknownOperationException', `No operation is bound to the target ${JSON.stringify(target.slice(0, 120))}.`);
  }
  if (!isAwsJson11(request.headers.get('content-type'))) {
    return refuse('UnsupportedMediaTypeException', `The Content-Type must be ${AWS_JSON_1_1}.`);
  }
  return { ok: true, operation };
}

function refuse(type: string, message: string): { ok: false; error: ServiceError } {
  return { ok: false, error: new ServiceError(type, message) };
}

function operationOf<Operation extends string>(target: string, operations: ReadonlySet<Operation>): Operation | undefined {
  const prefix = `${SERVICE_SHAPE_NAME}.`;
  if (!target.startsWith(prefix)) return undefined;
  const name = target.slice(prefix.length);
  return (operations as ReadonlySet<string>).has(name) ? (name as Operation) : undefined;
}

/** Media-type parameters such as `; charset=utf-8` are allowed (AwsJson11MustSupportParametersInContentType). */
function isAwsJson11(contentType: string | null): boolean {
  if (contentType === null) return false;
  const [essence = ''] = contentType.split(';');
  return essence.trim().toLowerCase() === AWS_JSON_1_1;
}
