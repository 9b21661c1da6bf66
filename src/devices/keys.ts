// Device keys: which public JWKs are accepted, their RFC 7638 thumbprints, and checking a signature cheaply.
import { createHash, createPublicKey, verify, type KeyObject } from 'node:crypto';
import type { KeyAlgorithm } from './device.entity.js';

export interface PublicJwk {
  kty: 'EC' | 'OKP';
  crv: 'P-256' | 'Ed25519';
  x: string;
  y?: string;
}

const B64URL = /^[A-Za-z0-9_-]+$/;
/** Members a public JWK may carry besides its key material; anything else (notably "d") is refused. */
const ALLOWED_EXTRA = new Set(['kid', 'alg', 'use', 'key_ops', 'ext']);

function b64urlBytes(value: unknown): number {
  return typeof value === 'string' && B64URL.test(value) ? Buffer.from(value, 'base64url').length : -1;
}

/**
 * Checks that `value` is a public EC P-256 (ES256) or OKP Ed25519 (EdDSA) JWK and nothing else: no private part,
 * no other curve or algorithm, coordinates that are a point on the curve. Returns the reason it is not, or null.
 */
export function publicKeyProblem(value: unknown): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return 'must be a JWK object';
  const jwk = value as Record<string, unknown>;
  if ('d' in jwk || 'p' in jwk || 'q' in jwk) return 'must be a public key: private key material is refused';
  if (jwk.kty !== 'EC' && jwk.kty !== 'OKP') return 'kty must be EC (P-256) or OKP (Ed25519)';
  const material = jwk.kty === 'EC' ? ['kty', 'crv', 'x', 'y'] : ['kty', 'crv', 'x'];
  const unknown = Object.keys(jwk).filter((k) => !material.includes(k) && !ALLOWED_EXTRA.has(k));
  if (unknown.length) return `has members a public key does not: ${unknown.join(', ')}`;
  if (jwk.kty === 'EC') {
    if (jwk.crv !== 'P-256') return 'EC keys must use the P-256 curve';
    if (jwk.alg !== undefined && jwk.alg !== 'ES256') return 'an EC P-256 key must be for ES256';
    if (b64urlBytes(jwk.x) !== 32 || b64urlBytes(jwk.y) !== 32) return 'x and y must be 32-byte base64url coordinates';
  } else {
    if (jwk.crv !== 'Ed25519') return 'OKP keys must use the Ed25519 curve';
    if (jwk.alg !== undefined && jwk.alg !== 'EdDSA') return 'an Ed25519 key must be for EdDSA';
    if (b64urlBytes(jwk.x) !== 32) return 'x must be a 32-byte base64url public key';
  }
  try {
    createPublicKey({ key: material.reduce((k, m) => ({ ...k, [m]: jwk[m] }), {}), format: 'jwk' });
  } catch {
    return 'is not a valid point on its curve';
  }
  return null;
}

/** The key material alone, as it is stored. */
export function canonicalJwk(jwk: PublicJwk): PublicJwk {
  return jwk.kty === 'EC' ? { kty: 'EC', crv: 'P-256', x: jwk.x, y: jwk.y! } : { kty: 'OKP', crv: 'Ed25519', x: jwk.x };
}

export function algorithmOf(jwk: PublicJwk): KeyAlgorithm {
  return jwk.kty === 'EC' ? 'ES256' : 'EdDSA';
}

/** RFC 7638: SHA-256 over the required members in lexicographic order, base64url. */
export function thumbprint(jwk: PublicJwk): string {
  const members =
    jwk.kty === 'EC'
      ? `{"crv":"${jwk.crv}","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`
      : `{"crv":"${jwk.crv}","kty":"OKP","x":"${jwk.x}"}`;
  return createHash('sha256').update(members, 'utf8').digest('base64url');
}

/** Imported keys by keyId: importing costs more than verifying. Bounded; the oldest entry goes first. */
const imported = new Map<string, KeyObject>();
const CACHE_LIMIT = 10_000;

function keyObject(keyId: string, jwk: PublicJwk): KeyObject {
  let key = imported.get(keyId);
  if (!key) {
    key = createPublicKey({ key: { ...canonicalJwk(jwk) }, format: 'jwk' });
    if (imported.size >= CACHE_LIMIT) imported.delete(imported.keys().next().value!);
    imported.set(keyId, key);
  }
  return key;
}

/**
 * Checks a base64url signature over the UTF-8 bytes of `message`: ES256 in the IEEE P1363 form (r || s) WebCrypto
 * produces, or Ed25519.
 */
export function signatureIsValid(keyId: string, jwk: PublicJwk, message: string, signature: string): boolean {
  if (!B64URL.test(signature) || signature.length > 200) return false;
  const key = keyObject(keyId, jwk);
  const data = Buffer.from(message, 'utf8');
  const sig = Buffer.from(signature, 'base64url');
  try {
    return jwk.kty === 'EC'
      ? verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, sig)
      : verify(null, data, key, sig);
  } catch {
    return false;
  }
}
