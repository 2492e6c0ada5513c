// Written by tools/codegen/typescript-client.ts from the generated package.json.
export default {"name":"@revoketoken/generated-cognito-client","version":"0.0.0"};
