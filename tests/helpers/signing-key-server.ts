import { createHmac, generateKeyPairSync, type KeyObject, sign } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export type KeySet = 'channel' | 'emulator';

/** An RSA key pair, with the public half as the JWKS entry a key endpoint would list. */
export class TestSigningKey {
  readonly privateKey: KeyObject;
  readonly publicKey: KeyObject;

  constructor(readonly kid: string) {
    ({ privateKey: this.privateKey, publicKey: this.publicKey } = generateKeyPairSync('rsa', { modulusLength: 2048 }));
  }

  jwk(endorsements?: string[]): Record<string, unknown> {
    return { ...this.publicKey.export({ format: 'jwk' }), kid: this.kid, use: 'sig', ...(endorsements ? { endorsements } : {}) };
  }

  /** A JWT signed with this key (RS256), naming the given kid (this key's unless told otherwise). */
  token(payload: object, kid = this.kid): string {
    const signed = `${part({ alg: 'RS256', typ: 'JWT', kid })}.${part(payload)}`;
    return `${signed}.${sign('sha256', Buffer.from(signed), this.privateKey).toString('base64url')}`;
  }

  /** The classic algorithm confusion: HS256 with the public key as the HMAC secret. */
  hmacToken(payload: object): string {
    const signed = `${part({ alg: 'HS256', typ: 'JWT', kid: this.kid })}.${part(payload)}`;
    const secret = this.publicKey.export({ type: 'spki', format: 'pem' });
    return `${signed}.${createHmac('sha256', secret).update(signed).digest('base64url')}`;
  }
}

export const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');

/**
 * A stand-in for login.botframework.com and login.microsoftonline.com on loopback: an OpenID
 * configuration and a JWKS per key set, a switch to fail (500) or hang, and a count of every request.
 */
export class SigningKeyServer {
  mode: 'serve' | 'fail' | 'hang' = 'serve';
  /** The JWKS document per key set; tests may put anything here. */
  readonly documents: Record<KeySet, unknown> = { channel: { keys: [] }, emulator: { keys: [] } };
  /** Requests per path, e.g. "/channel/openid-configuration". */
  readonly hits = new Map<string, number>();
  private readonly hanging: ServerResponse[] = [];

  private constructor(
    private readonly server: Server,
    readonly baseUrl: string,
  ) {}

  static async start(): Promise<SigningKeyServer> {
    let handler: (req: IncomingMessage, res: ServerResponse) => void = () => undefined;
    const server = createServer((req, res) => handler(req, res));
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    const stand = new SigningKeyServer(server, `http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    handler = (req, res) => stand.handle(req, res);
    return stand;
  }

  metadataUrl(keys: KeySet): string {
    return `${this.baseUrl}/${keys}/openid-configuration`;
  }

  /** Requests for a key set's OpenID configuration: one per refresh the bot attempted. */
  refreshes(keys: KeySet): number {
    return this.hits.get(`/${keys}/openid-configuration`) ?? 0;
  }

  /** Resolves once the key set's OpenID configuration has been asked for this many times. */
  async waitForRefreshes(keys: KeySet, count: number, timeoutMs = 10_000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (this.refreshes(keys) < count) {
      if (Date.now() > deadline) throw new Error(`expected ${count} refreshes of the ${keys} keys, saw ${this.refreshes(keys)}`);
      await new Promise((resolve) => setTimeout(resolve, 10));
    }
  }

  async close(): Promise<void> {
    for (const res of this.hanging) res.destroy();
    this.server.closeAllConnections();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private handle(req: IncomingMessage, res: ServerResponse): void {
    const path = req.url ?? '';
    this.hits.set(path, (this.hits.get(path) ?? 0) + 1);
    if (this.mode === 'hang') {
      this.hanging.push(res);
      return;
    }
    const [, keys, document] = /^\/(channel|emulator)\/(openid-configuration|keys)$/.exec(path) ?? [];
    if (this.mode === 'fail' || !keys) {
      res.writeHead(this.mode === 'fail' ? 500 : 404);
      res.end();
      return;
    }
    const body = document === 'keys' ? this.documents[keys as KeySet] : { issuer: 'https://api.botframework.com', jwks_uri: `${this.baseUrl}/${keys}/keys` };
    // (restify, loaded in the same tests, patches writeHead to return nothing: no chaining)
    res.writeHead(200, { 'content-type': 'application/json' });
    res.end(JSON.stringify(body));
  }
}
