import { createHmac, randomBytes } from 'node:crypto';

/**
 * Storage keys name the channel's conversation id ("webchat/conversations/<id>"). Stores only ever
 * see an HMAC of the key, so a dump of the store holds no conversation id.
 */
export class KeyHasher {
  private readonly secret: Buffer;

  constructor(secret?: string) {
    this.secret = secret ? Buffer.from(secret, 'utf8') : randomBytes(32);
  }

  hash(key: string): string {
    return createHmac('sha256', this.secret).update(key).digest('base64url');
  }
}
