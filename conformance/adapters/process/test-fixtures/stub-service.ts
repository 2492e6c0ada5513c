import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request as the stub received it. */
export interface StubRequest {
  method: string;
  url: string;
  /** Lower-cased names. */
  headers: IncomingHttpHeaders;
  body: string;
}

export interface StubAnswer {
  /** Never answer (until stop()): for cancellation and time-out tests. */
  hang?: boolean;
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/**
 * A tiny awsJson1_1 stand-in on 127.0.0.1 for the shim tests: it records every request and
 * answers each with the answer set for the current case.
 */
export class StubService {
  readonly requests: StubRequest[] = [];
  private answer: StubAnswer = { status: 200, body: '{}' };
  private server: Server | undefined;
  private listeners: Array<() => void> = [];
  endpoint = '';

  async start(): Promise<this> {
    this.server = createServer((request, response) => {
      const chunks: Buffer[] = [];
      request.on('data', (chunk: Buffer) => chunks.push(chunk));
      request.on('end', () => {
        this.requests.push({ method: request.method ?? '', url: request.url ?? '', headers: request.headers, body: Buffer.concat(chunks).toString('utf8') });
        for (const listener of this.listeners.splice(0)) listener();
        if (this.answer.hang) return;
        const body = this.answer.body ?? '';
        response.writeHead(this.answer.status, { 'Content-Length': Buffer.byteLength(body), ...this.answer.headers });
        response.end(body);
      });
    });
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', resolve));
    this.endpoint = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this;
  }

  /** Sets the answer for the next requests and forgets the requests seen so far. */
  answerWith(answer: StubAnswer): void {
    this.answer = answer;
    this.requests.length = 0;
  }

  /** Resolves when the next request has arrived. */
  nextRequest(): Promise<void> {
    return new Promise((resolve) => this.listeners.push(resolve));
  }

  async stop(): Promise<void> {
    this.server?.closeAllConnections();
    await new Promise<void>((resolve) => (this.server ? this.server.close(() => resolve()) : resolve()));
  }
}
