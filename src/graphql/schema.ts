// The executable schema: the feature files, Query.node, and nothing else.
import { UUID } from '../db/sql.js';
import { findVisibleDevice } from '../devices/devices.js';
import { findVisibleEvent, parsePosition } from '../events/events.js';
import { findVisibleUser } from '../users/users.js';
import { builder } from './builder.js';
import { decodeAny } from './ids.js';
import './scalars.js';
import './errors.js';
import '../users/user.schema.js';
import '../devices/device.schema.js';
import '../events/event.schema.js';
import '../sessions/session.schema.js';
import '../policy/policy.schema.js';
import '../devices/verification.schema.js';
import '../webhooks/webhook.schema.js';
import '../apikeys/apikey.schema.js';
import '../alerts/alert.schema.js';
import '../approval/rule.schema.js';
import '../enrolment/code.schema.js';
import '../approval/owner-approval.schema.js';

builder.queryType({ description: 'Reads. Every field but me and devicePolicy needs a session (Authorization: Bearer <token>)' });
builder.mutationType({
  description: 'Changes. Expected failures are members of the result unions (types that implement Error), never top-level errors',
});
builder.subscriptionType({ description: 'Live updates over graphql-ws (or server-sent events), authenticated like queries' });

builder.globalConnectionField('totalCount', (t) =>
  t.int({ description: 'How many items match, across all pages', resolve: (connection) => connection.totalCount() }),
);

builder.queryField('node', (t) =>
  t.field({
    type: builder.nodeInterfaceRef(),
    nullable: true,
    description: 'Anything by its global id, when the caller may see it',
    authScopes: { authenticated: true, devicesRead: true },
    args: { id: t.arg.id({ required: true, description: 'The id field of a User, Device or Event' }) },
    resolve: async (_root, args, ctx) => {
      const decoded = decodeAny(args.id);
      if (!decoded) return null;
      const { typename, id } = decoded;
      if (typename === 'User' && UUID.test(id)) return findVisibleUser(ctx, id);
      if (typename === 'Device' && UUID.test(id)) return findVisibleDevice(ctx, id);
      if (typename === 'Event' && parsePosition(id) !== null) return findVisibleEvent(ctx, id);
      return null;
    },
  }),
);

export const schema = builder.toSchema({ sortSchema: true });

