import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

/**
 * A call-back number as the database keeps it: AES-256-GCM under a key of its own that lives outside
 * the database (see key-vault.ts). Once that key is destroyed, whatever the database's files still
 * hold of the number (heap, WAL, a backup) can no longer be read. The booking code is bound in as
 * associated data, so a sealed number cannot be moved to another booking.
 */
const VERSION = 'v1';
const IV_BYTES = 12;

export function sealPhone(phone: string, key: Buffer, code: string): string {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv).setAAD(Buffer.from(code, 'utf8'));
  const sealed = Buffer.concat([cipher.update(phone, 'utf8'), cipher.final()]);
  return [VERSION, iv, cipher.getAuthTag(), sealed].map((part) => (typeof part === 'string' ? part : part.toString('base64url'))).join('.');
}

/** The number, or undefined when the text was not sealed with this key for this booking. */
export function openPhone(sealedText: string, key: Buffer, code: string): string | undefined {
  const [version, iv, tag, sealed] = sealedText.split('.');
  if (version !== VERSION || sealed === undefined) return undefined;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64url')).setAAD(Buffer.from(code, 'utf8'));
    decipher.setAuthTag(Buffer.from(tag, 'base64url'));
    return Buffer.concat([decipher.update(Buffer.from(sealed, 'base64url')), decipher.final()]).toString('utf8');
  } catch {
    return undefined;
  }
}
