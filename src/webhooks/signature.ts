import { createHmac, randomBytes } from 'node:crypto';

const SECRET_PREFIX = 'whsec_';
/** How long a rotated-out secret still signs, beside the new one. */
export const ROTATION_OVERLAP_MS = 24 * 60 * 60 * 1000;

/** A Standard Webhooks signing secret: `whsec_` and the base64 of 32 random bytes. */
export function newWebhookSecret(): string {
  return SECRET_PREFIX + randomBytes(32).toString('base64');
}

/** `v1,` and the base64 HMAC-SHA256 of `{id}.{timestamp}.{body}`, keyed by the secret's bytes. */
export function sign(secret: string, messageId: string, timestamp: number, body: string): string {
  const key = Buffer.from(secret.slice(SECRET_PREFIX.length), 'base64');
  return `v1,${createHmac('sha256', key).update(`${messageId}.${timestamp}.${body}`).digest('base64')}`;
}

export interface SigningKeys {
  secret: string;
  previousSecret: string | null;
  previousSecretUntil: Date | null;
}

/** The webhook-signature header: the current secret's signature, then the old one's while it is honoured. */
export function signatureHeader(keys: SigningKeys, messageId: string, timestamp: number, body: string, now = new Date()): string {
  const secrets = [keys.secret];
  if (keys.previousSecret && keys.previousSecretUntil && keys.previousSecretUntil > now) secrets.push(keys.previousSecret);
  return secrets.map((secret) => sign(secret, messageId, timestamp, body)).join(' ');
}
