// smithy-typescript generated code
export * from "./RevokeTokenCommand.ts";
