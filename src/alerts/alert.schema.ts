// GraphQL face of email alerts: an admin's own notification settings.
import { z } from 'zod';
import { builder } from '../graphql/builder.js';
import { notificationSettings, updateNotificationSettings, type NotificationSettings } from './settings.js';

const NotificationSettingsRef = builder.objectRef<NotificationSettings>('NotificationSettings').implement({
  description: 'Which alert emails the signed-in admin gets (each admin sets their own; every alert is on until switched off)',
  isTypeOf: (value) => typeof value === 'object' && value !== null && 'newDevicePending' in value,
  fields: (t) => ({
    newDevicePending: t.exposeBoolean('newDevicePending', {
      description: 'An email when a device is registered PENDING; arrivals within ALERT_DIGEST_SECONDS come in one digest',
    }),
  }),
});

const NotificationSettingsInput = builder.inputType('NotificationSettingsInput', {
  description: "The signed-in admin's new notification settings",
  fields: (t) => ({
    newDevicePending: t.boolean({ required: true, description: 'Email me when a device is waiting for approval', validate: z.boolean() }),
  }),
});

const UpdateNotificationSettingsResult = builder.errorUnion('UpdateNotificationSettingsResult', {
  description: 'The settings as they now are',
  types: [NotificationSettingsRef],
  // Named here, graphql-jit (which runs hot mutations) needs no isTypeOf.
  resolveType: () => 'NotificationSettings',
});

builder.queryFields((t) => ({
  notificationSettings: t.field({
    type: NotificationSettingsRef,
    description: 'Admins in their own session: which alert emails they get',
    authScopes: { admin: true },
    resolve: (_root, _args, ctx) => notificationSettings(ctx),
  }),
}));

builder.mutationFields((t) => ({
  updateNotificationSettings: t.field({
    type: UpdateNotificationSettingsResult,
    description: 'Admins in their own session: switch their own alert emails on or off',
    authScopes: { admin: true },
    args: { input: t.arg({ type: NotificationSettingsInput, required: true, description: 'The new settings' }) },
    resolve: (_root, { input }, ctx) => updateNotificationSettings(ctx, { newDevicePending: input.newDevicePending }),
  }),
}));
