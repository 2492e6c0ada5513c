import { MalformedBodyError, type JsonObject, type JsonValue } from './request-body.ts';
import { ServiceError } from './service-error.ts';
import type { Shape, StructureShape } from './shape.ts';

/**
 * Checks a parsed body against an operation's input shape in two passes, as a Smithy server
 * does: first that every known member has the right JSON type (a mismatch means the body
 * could not be deserialised: {@link MalformedBodyError}), then the constraint traits (every
 * violation is collected into one InvalidParameterException). Unknown members are ignored.
 * @internal
 */
export function validateInput(input: JsonObject, shape: StructureShape): void {
  checkTypes(input, shape, '');
  const violations: string[] = [];
  collectViolations(input, shape, '', false, violations);
  if (violations.length > 0) {
    const count = violations.length === 1 ? '1 validation error detected' : `${violations.length} validation errors detected`;
    throw new ServiceError('InvalidParameterException', `${count}: ${violations.join('; ')}`);
  }
}

function checkTypes(value: JsonValue | undefined, shape: Shape, path: string): void {
  if (value === undefined || value === null) return;
  const where = path === '' ? 'The request body' : `The member at '${path}'`;
  switch (shape.type) {
    case 'string':
      if (typeof value !== 'string') throw new MalformedBodyError(`${where} must be a JSON string, not ${jsonKind(value)}.`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') throw new MalformedBodyError(`${where} must be a JSON boolean, not ${jsonKind(value)}.`);
      return;
    case 'integer':
      if (typeof value !== 'number' || !Number.isSafeInteger(value)) {
        throw new MalformedBodyError(`${where} must be a JSON integer, not ${jsonKind(value)}.`);
      }
      return;
    case 'list':
      if (!Array.isArray(value)) throw new MalformedBodyError(`${where} must be a JSON array, not ${jsonKind(value)}.`);
      value.forEach((item, index) => {
        // A null inside a list is not an absent member; there is nothing to skip it in favour of.
        if (item === null) throw new MalformedBodyError(`The member at '${join(path, `${index + 1}.member`)}' must not be null.`);
        checkTypes(item, shape.member, join(path, `${index + 1}.member`));
      });
      return;
    case 'map':
      if (!isObject(value)) throw new MalformedBodyError(`${where} must be a JSON object, not ${jsonKind(value)}.`);
      // Map keys may be secrets (AuthParameters is sensitive); paths name the map, not the key.
      for (const entry of Object.values(value)) checkTypes(entry, shape.value, join(path, 'value'));
      return;
    case 'structure':
      if (!isObject(value)) throw new MalformedBodyError(`${where} must be a JSON object, not ${jsonKind(value)}.`);
      for (const [name, member] of Object.entries(shape.members)) {
        if (Object.hasOwn(value, name)) checkTypes(value[name], member.shape, join(path, camel(name)));
      }
      return;
  }
}

function collectViolations(value: JsonValue | undefined, shape: Shape, path: string, sensitive: boolean, out: string[]): void {
  if (value === undefined || value === null) return;
  switch (shape.type) {
    case 'string': {
      const text = value as string;
      const hidden = sensitive || shape.sensitive === true;
      const length = [...text].length;
      if (shape.min !== undefined && length < shape.min) {
        out.push(violation(text, hidden, path, `Member must have length greater than or equal to ${shape.min}`));
      }
      if (shape.max !== undefined && length > shape.max) {
        out.push(violation(text, hidden, path, `Member must have length less than or equal to ${shape.max}`));
      }
      if (shape.pattern && !shape.pattern.regex.test(text)) {
        out.push(violation(text, hidden, path, `Member must satisfy regular expression pattern: ${shape.pattern.text}`));
      }
      if (shape.enum && !shape.enum.includes(text)) {
        out.push(violation(text, hidden, path, `Member must satisfy enum value set: [${shape.enum.join(', ')}]`));
      }
      return;
    }
    case 'integer': {
      const number = value as number;
      if (shape.min !== undefined && number < shape.min) {
        out.push(violation(String(number), false, path, `Member must have value greater than or equal to ${shape.min}`));
      }
      if (shape.max !== undefined && number > shape.max) {
        out.push(violation(String(number), false, path, `Member must have value less than or equal to ${shape.max}`));
      }
      return;
    }
    case 'boolean':
      return;
    case 'list':
      (value as JsonValue[]).forEach((item, index) => collectViolations(item, shape.member, join(path, `${index + 1}.member`), sensitive, out));
      return;
    case 'map':
      for (const entry of Object.values(value as JsonObject)) {
        collectViolations(entry, shape.value, join(path, 'value'), sensitive || shape.sensitive === true, out);
      }
      return;
    case 'structure': {
      const object = value as JsonObject;
      for (const [name, member] of Object.entries(shape.members)) {
        const memberPath = join(path, camel(name));
        const present = Object.hasOwn(object, name) && object[name] !== undefined;
        if (!present) {
          if (member.required) out.push(`Value null at '${memberPath}' failed to satisfy constraint: Member must not be null`);
          continue;
        }
        collectViolations(object[name], member.shape, memberPath, sensitive, out);
      }
      return;
    }
  }
}

/** Cognito's wording; a sensitive value is left out entirely rather than masked. */
function violation(value: string, hidden: boolean, path: string, constraint: string): string {
  const subject = hidden ? 'Value' : `Value '${value}'`;
  return `${subject} at '${path}' failed to satisfy constraint: ${constraint}`;
}

/** Cognito names members in messages the way its Java framework does: lower camel case. */
function camel(name: string): string {
  return name.charAt(0).toLowerCase() + name.slice(1);
}

function join(path: string, segment: string): string {
  return path === '' ? segment : `${path}.${segment}`;
}

function isObject(value: JsonValue): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function jsonKind(value: JsonValue): string {
  if (Array.isArray(value)) return 'an array';
  if (value === null) return 'null';
  switch (typeof value) {
    case 'string':
      return 'a string';
    case 'number':
      return 'a number';
    case 'boolean':
      return 'a boolean';
    default:
      return 'an object';
  }
}
