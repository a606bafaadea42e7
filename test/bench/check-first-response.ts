import { request } from 'node:http';
import type { BenchTarget } from './targets/target.js';

/**
 * Throws unless the target answers 200: a benchmark of 401s or 404s would report fine numbers for the wrong
 * path. Its own connection (no agent), so nothing stays open once it answered.
 */
export function checkFirstResponse(target: BenchTarget): Promise<void> {
  return new Promise((resolve, reject) => {
    const req = request(target.url, { method: 'GET', headers: target.headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('error', reject);
      response.on('end', () => {
        if (response.statusCode === 200) return resolve();
        const body = Buffer.concat(chunks).toString('utf8').slice(0, 500);
        reject(new Error(`${target.name}: GET ${target.url} answered ${response.statusCode}, not 200: ${body}`));
      });
    });
    req.on('error', reject);
    req.end();
  });
}
