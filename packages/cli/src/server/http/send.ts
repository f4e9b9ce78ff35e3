import type { ServerResponse } from 'node:http';

/** Answers with a JSON body. */
export function sendJson(response: ServerResponse, status: number, body: unknown): void {
  send(response, status, 'application/json; charset=utf-8', `${JSON.stringify(body)}\n`);
}

/** Answers with a body of the given content type. */
export function send(response: ServerResponse, status: number, contentType: string, body: string | Uint8Array): void {
  response.statusCode = status;
  response.setHeader('Content-Type', contentType);
  response.setHeader('Content-Length', Buffer.byteLength(body));
  response.end(body);
}
