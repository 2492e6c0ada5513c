import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, describe, expect, it } from 'vitest';
import { CLIENT_PROPERTIES_MODULE } from '../run/runner.ts';
import { ctrfReport, ctrfReporter } from './ctrf.ts';
import { mixedRun } from './test-support.ts';

const dir = mkdtempSync(join(tmpdir(), 'ctrf-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const integer = { type: 'integer', minimum: 0 };
const status = { enum: ['passed', 'failed', 'skipped', 'pending', 'other'] };

// The required part of the CTRF schema (ctrf-io/ctrf, schema/ctrf.schema.json), and the optional
// fields this reporter fills in, with their types.
const CTRF_SHAPE = {
  type: 'object',
  required: ['reportFormat', 'specVersion', 'results'],
  properties: {
    reportFormat: { const: 'CTRF' },
    specVersion: { type: 'string', pattern: '^[0-9]+\\.[0-9]+\\.[0-9]+$' },
    timestamp: { type: 'string' },
    generatedBy: { type: 'string' },
    results: {
      type: 'object',
      required: ['tool', 'summary', 'tests'],
      additionalProperties: false,
      properties: {
        tool: {
          type: 'object',
          required: ['name'],
          additionalProperties: false,
          properties: { name: { type: 'string', minLength: 1 }, version: { type: 'string' } },
        },
        summary: {
          type: 'object',
          required: ['tests', 'passed', 'failed', 'skipped', 'pending', 'other', 'start', 'stop'],
          additionalProperties: false,
          properties: {
            tests: integer,
            passed: integer,
            failed: integer,
            skipped: integer,
            pending: integer,
            other: integer,
            suites: integer,
            start: integer,
            stop: integer,
            duration: integer,
            extra: { type: 'object' },
          },
        },
        tests: {
          type: 'array',
          items: {
            type: 'object',
            required: ['name', 'status', 'duration'],
            additionalProperties: false,
            properties: {
              name: { type: 'string', minLength: 1 },
              status,
              duration: integer,
              rawStatus: { type: 'string' },
              suite: { type: 'array', minItems: 1, items: { type: 'string' } },
              type: { type: 'string' },
              filePath: { type: 'string' },
              tags: { type: 'array', items: { type: 'string' } },
              message: { type: 'string' },
              trace: { type: 'string' },
              extra: { type: 'object' },
            },
          },
        },
      },
    },
  },
};

describe('the CTRF report', () => {
  const { summary, results } = mixedRun();

  it('has the shape the CTRF schema requires', async () => {
    const path = join(dir, 'nested', 'ctrf.json');
    await ctrfReporter(path).onEnd(summary, results);
    const report = JSON.parse(readFileSync(path, 'utf8'));
    const validate = new Ajv2020({ allErrors: true, strict: true }).compile(CTRF_SHAPE);
    expect(validate(report), JSON.stringify(validate.errors)).toBe(true);
    expect(report.results.tool).toEqual({ name: 'revoketoken-conformance', version: expect.stringMatching(/^\d+\.\d+\.\d+/) });
  });

  it('can fail: the shape check refuses a test without a status', () => {
    const report = ctrfReport(summary, results);
    const broken = { ...report, results: { ...report.results, tests: [{ name: 'x', duration: 1 }] } };
    expect(new Ajv2020({ strict: true }).compile(CTRF_SHAPE)(broken)).toBe(false);
  });

  it('counts by status, and each test says what broke, where it is defined and how to replay it', () => {
    const report = ctrfReport(summary, results, { stop: 1_000_000 });
    const s = report.results.summary;
    expect(s).toMatchObject({ tests: results.length, failed: 9, passed: 1, skipped: 1, other: 1, pending: 0, start: 997_500, stop: 1_000_000, duration: 2500 });
    expect(s.passed + s.failed + s.skipped + s.pending + s.other).toBe(s.tests);
    const property = report.results.tests.find((t) => t.name === 'request-wire')!;
    expect(property).toMatchObject({
      status: 'failed',
      duration: 1234,
      filePath: CLIENT_PROPERTIES_MODULE,
      message: 'C4: expected X-Amz-Target: AWSCognitoIdentityProviderService.RevokeToken, got X-Amz-Target: AWSCognitoIdentityProviderService.revokeToken',
      extra: { rules: ['C4'], runs: 30, replay: expect.stringContaining('--filter request-wire') },
    });
    expect(property.trace).toContain('counterexample (shrunk)');
    expect(report.results.tests.find((t) => t.name === 'RevokeTokenErrorDunderTypeOnly')).toMatchObject({ status: 'other', rawStatus: 'expected-fail' });
    expect(report.results.tests.find((t) => t.name === 'retries')).toMatchObject({ status: 'skipped', message: 'the client does not retry' });
  });
});
