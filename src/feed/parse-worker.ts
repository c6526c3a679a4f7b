/**
 * The feed reader's worker: decodes, parses and reads a feed off the main thread. Built as a
 * chunk of its own (the page's CSP needs `worker-src` for the bundle's origin).
 */
import { parseFeed, type ParseOutcome } from './parse.js';

export interface ParseRequest {
  id: number;
  url: string;
  body: ArrayBuffer | string;
}

export interface ParseResponse {
  id: number;
  outcome: ParseOutcome;
}

addEventListener('message', (event: MessageEvent<ParseRequest>) => {
  const { id, url, body } = event.data;
  postMessage({ id, outcome: parseFeed(body, url) } satisfies ParseResponse);
});
