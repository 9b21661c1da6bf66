// Password hashing: argon2id at OWASP's minimum parameters, with a dummy verify so unknown emails cost the same.
import argon2 from 'argon2';

const OPTIONS = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(password: string): Promise<string> {
  return argon2.hash(password, OPTIONS);
}

let dummyHash: Promise<string> | undefined;

/** Makes the dummy hash now (which also starts the thread pool), so the first unknown email costs no more. */
export async function warmUpPasswords(): Promise<void> {
  dummyHash ??= hashPassword('gatehouse-dummy-password');
  await dummyHash;
}

/** Verifies against the stored hash, or against a dummy one when there is none, taking the same time. */
export async function verifyPassword(hash: string | null, password: string): Promise<boolean> {
  if (!hash) {
    dummyHash ??= hashPassword('gatehouse-dummy-password');
    await argon2.verify(await dummyHash, password);
    return false;
  }
  try {
    return await argon2.verify(hash, password);
  } catch {
    return false;
  }
}
