import type { SmithyAst } from './smithy-build.ts';

export const NAMESPACE = 'com.amazonaws.cognitoidentityprovider';

/**
 * The model as users import it: our namespace only. Smithy's build output also carries the
 * trait definitions it discovered on the class path (aws.api, aws.auth, smithy.rules, ...);
 * those belong to Smithy, not to this contract. Keys are sorted so the file is stable.
 */
export function contractClosure(ast: SmithyAst): SmithyAst {
  const shapes: SmithyAst['shapes'] = {};
  for (const id of Object.keys(ast.shapes).sort()) {
    if (id.startsWith(`${NAMESPACE}#`)) shapes[id] = ast.shapes[id]!;
  }
  return { smithy: ast.smithy, shapes };
}
