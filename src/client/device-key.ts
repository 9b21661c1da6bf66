// A device key pair kept with WebCrypto: the private key is generated non-extractable, so it never leaves the device.
import { webcrypto } from 'node:crypto';

export type KeyAlgorithm = 'ES256' | 'EdDSA';

const subtle = (globalThis.crypto ?? webcrypto).subtle;

function base64url(bytes: ArrayBuffer | Uint8Array): string {
  return Buffer.from(bytes instanceof Uint8Array ? bytes : new Uint8Array(bytes)).toString('base64url');
}

export interface PublicJwk {
  kty: 'EC' | 'OKP';
  crv: 'P-256' | 'Ed25519';
  x: string;
  y?: string;
}

export class DeviceKey {
  private constructor(
    readonly algorithm: KeyAlgorithm,
    private readonly pair: CryptoKeyPair,
    readonly publicJwk: PublicJwk,
    readonly keyId: string,
  ) {}

  /** A new key pair; keep `pair` in the platform's key store (IndexedDB, Keychain) to use it again. */
  static async generate(algorithm: KeyAlgorithm = 'ES256'): Promise<DeviceKey> {
    const pair =
      algorithm === 'ES256'
        ? ((await subtle.generateKey({ name: 'ECDSA', namedCurve: 'P-256' }, false, ['sign', 'verify'])))
        : ((await subtle.generateKey({ name: 'Ed25519' }, false, ['sign', 'verify'])));
    return DeviceKey.fromPair(algorithm, pair);
  }

  static async fromPair(algorithm: KeyAlgorithm, pair: CryptoKeyPair): Promise<DeviceKey> {
    const jwk = await subtle.exportKey('jwk', pair.publicKey);
    const publicJwk: PublicJwk =
      jwk.kty === 'EC'
        ? { kty: 'EC', crv: 'P-256', x: jwk.x!, y: jwk.y! }
        : { kty: 'OKP', crv: 'Ed25519', x: jwk.x! };
    return new DeviceKey(algorithm, pair, publicJwk, await thumbprint(publicJwk));
  }

  /** Signs the UTF-8 bytes of a challenge nonce: ES256 as IEEE P1363 (r || s), which is what WebCrypto makes. */
  async sign(nonce: string): Promise<string> {
    const data = new TextEncoder().encode(nonce);
    const signature =
      this.algorithm === 'ES256'
        ? await subtle.sign({ name: 'ECDSA', hash: 'SHA-256' }, this.pair.privateKey, data)
        : await subtle.sign({ name: 'Ed25519' }, this.pair.privateKey, data);
    return base64url(signature);
  }
}

/** RFC 7638 thumbprint: the server computes the same, and calls it the keyId. */
export async function thumbprint(jwk: PublicJwk): Promise<string> {
  const members =
    jwk.kty === 'EC'
      ? `{"crv":"${jwk.crv}","kty":"EC","x":"${jwk.x}","y":"${jwk.y}"}`
      : `{"crv":"${jwk.crv}","kty":"OKP","x":"${jwk.x}"}`;
  return base64url(await subtle.digest('SHA-256', new TextEncoder().encode(members)));
}
