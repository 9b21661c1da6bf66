// Relay global ids: "<Type>:<uuid>" in base64, decoded defensively so a bad id reads as "not found".
import { decodeGlobalID, encodeGlobalID } from '@pothos/plugin-relay';
import { UUID } from '../db/sql.js';

/** A uuid no row has: what an id that names nothing of the right type is filtered by. */
const NO_MATCH = '00000000-0000-0000-0000-000000000000';

/** The database id inside a global id of the given type, or null when it is not one. */
export function localId(globalId: string, typename: 'User' | 'Device' | 'WebhookEndpoint' | 'WebhookDelivery' | 'ApprovalRule' | 'EnrolmentCode' | 'DeviceApprovalRequest'): string | null {
  try {
    const { typename: type, id } = decodeGlobalID(globalId);
    return type === typename && UUID.test(id) ? id.toLowerCase() : null;
  } catch {
    return null;
  }
}

/**
 * A filter's global id as a database id. Absent: no filter (undefined). Given but naming nothing of that type (even
 * empty): an id that matches nothing, so a wrong id never widens a listing to everything.
 */
export function filterId(globalId: string | null | undefined, typename: 'User' | 'Device'): string | undefined {
  if (globalId == null) return undefined;
  return localId(globalId, typename) ?? NO_MATCH;
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
