import { createECDH, createPublicKey, createDecipheriv, hkdfSync, randomBytes, verify } from 'node:crypto';
import { createServer, type IncomingHttpHeaders } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A push as the local push service received it, decrypted. */
export interface ReceivedPush {
  device: string;
  headers: IncomingHttpHeaders;
  /** The decrypted payload (RFC 8291). */
  payload: string;
  /** The VAPID JWT's claims, after its ES256 signature was checked against `k`. */
  vapid: { aud: string; exp: number; sub: string; publicKey: string };
  receivedAt: number;
}

/** A device of the local push service: what a browser would send the server as its subscription. */
export interface LocalDevice {
  name: string;
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
  /** The answer the push service gives for this device (410 once the browser dropped it). */
  status: number;
}

/**
 * A push service on 127.0.0.1 that holds its devices' private keys, as a browser's push service and the
 * browser together would: it decrypts each push (RFC 8291: ECDH P-256, HKDF-SHA-256, aes128gcm per RFC 8188)
 * and checks its VAPID Authorization (RFC 8292: an ES256 JWT signed by the key in `k`). Nothing is mocked.
 */
export async function startPushService() {
  const devices = new Map<string, LocalDevice & { ecdh: ReturnType<typeof createECDH>; auth: Buffer }>();
  const received: ReceivedPush[] = [];
  const errors: string[] = [];
  const waiters: (() => void)[] = [];

  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const name = decodeURIComponent((request.url ?? '').replace(/^\/push\//, ''));
      const device = devices.get(name);
      if (request.method !== 'POST' || !device) return void response.writeHead(404).end();
      try {
        const payload = decrypt(Buffer.concat(chunks), device.ecdh, device.auth);
        received.push({ device: name, headers: request.headers, payload, vapid: checkVapid(request.headers.authorization ?? '', origin), receivedAt: Date.now() });
        for (const wake of waiters.splice(0)) wake();
        response.writeHead(device.status, device.status === 201 ? { location: `${origin}/messages/${received.length}` } : {}).end();
      } catch (error) {
        errors.push((error as Error).message);
        response.writeHead(400).end();
      }
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    received,
    /** Pushes the service could not decrypt or verify (a test expects none). */
    errors,
    /** A new device: its keys stay here, its subscription goes to Préau. */
    device(name: string): LocalDevice {
      const ecdh = createECDH('prime256v1');
      ecdh.generateKeys();
      const auth = randomBytes(16);
      const device = {
        name,
        ecdh,
        auth,
        status: 201,
        subscription: { endpoint: `${origin}/push/${encodeURIComponent(name)}`, keys: { p256dh: ecdh.getPublicKey().toString('base64url'), auth: auth.toString('base64url') } },
      };
      devices.set(name, device);
      return device;
    },
    /** Resolves once `count` pushes reached `device` (or rejects after `ms`). */
    async waitFor(device: string, count: number, ms = 5_000): Promise<ReceivedPush[]> {
      const deadline = Date.now() + ms;
      for (;;) {
        const mine = received.filter((push) => push.device === device);
        if (mine.length >= count) return mine;
        const left = deadline - Date.now();
        if (left <= 0) throw new Error(`${device}: ${mine.length} push(es) after ${ms} ms, ${count} expected`);
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, left);
          waiters.push(() => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** RFC 8291 §3.4 and RFC 8188 §2: one record, padded with a 0x02 delimiter. */
function decrypt(body: Buffer, ecdh: ReturnType<typeof createECDH>, authSecret: Buffer): string {
  const salt = body.subarray(0, 16);
  const recordSize = body.readUInt32BE(16);
  const idLength = body[20]!;
  const senderPublic = body.subarray(21, 21 + idLength);
  const record = body.subarray(21 + idLength);
  if (idLength !== 65 || record.length > recordSize) throw new Error('bad aes128gcm header');
  const shared = ecdh.computeSecret(senderPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ecdh.getPublicKey(), senderPublic]);
  const ikm = Buffer.from(hkdfSync('sha256', shared, authSecret, keyInfo, 32));
  const cek = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(record.subarray(record.length - 16));
  const plain = Buffer.concat([decipher.update(record.subarray(0, record.length - 16)), decipher.final()]);
  let end = plain.length - 1;
  while (end >= 0 && plain[end] === 0) end -= 1;
  if (plain[end] !== 2) throw new Error('no last-record delimiter');
  return plain.subarray(0, end).toString('utf8');
}

/** RFC 8292: `vapid t=<JWT>, k=<public key>`, the JWT signed with ES256 by that key, for this push service. */
function checkVapid(header: string, origin: string): ReceivedPush['vapid'] {
  const match = /^vapid t=([\w-]+)\.([\w-]+)\.([\w-]+), k=([\w-]+)$/.exec(header);
  if (!match) throw new Error(`no VAPID authorization: ${header}`);
  const [, head, claims, signature, k] = match as unknown as [string, string, string, string, string];
  const raw = Buffer.from(k, 'base64url');
  const key = createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: raw.subarray(1, 33).toString('base64url'), y: raw.subarray(33, 65).toString('base64url') }, format: 'jwk' });
  if (JSON.parse(Buffer.from(head, 'base64url').toString()).alg !== 'ES256') throw new Error('VAPID JWT not ES256');
  if (!verify('sha256', Buffer.from(`${head}.${claims}`), { key, dsaEncoding: 'ieee-p1363' }, Buffer.from(signature, 'base64url'))) {
    throw new Error('VAPID signature does not verify');
  }
  const body = JSON.parse(Buffer.from(claims, 'base64url').toString()) as { aud: string; exp: number; sub: string };
  if (body.aud !== origin) throw new Error(`VAPID audience ${body.aud}, not ${origin}`);
  return { ...body, publicKey: k };
}
