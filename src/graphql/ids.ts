// Relay global ids: "<Type>:<uuid>" in base64, decoded defensively so a bad id reads as "not found".
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The database id inside a global id of the given type, or null when it is not one. */
export function localId(globalId: string, typename: 'User' | 'Device'): string | null {
  try {
    const { typename: type, id } = decodeGlobalID(globalId);
    return type === typename && UUID.test(id) ? id.toLowerCase() : null;
  } catch {
    return null;
  }
}

export function globalId(typename: string, id: string): string {
  return encodeGlobalID(typename, id);
}

export function decodeAny(globalId: string): { typename: string; id: string } | null {
  try {
    return decodeGlobalID(globalId);
  } catch {
    return null;
  }
}
