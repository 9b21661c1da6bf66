// A small typed Gatehouse client for a mobile or Node app: register with a device key, answer challenges, sign in
// with a proof, and watch the device's own approval. Typed by the documents in ./operations.ts.
import { createClient, type Client } from 'graphql-ws';
import WebSocket from 'ws';
import type { DeviceKey } from './device-key.js';
import type { ClientApprovalRequestFieldsFragment, DeviceInput, TypedDocumentString } from './gql/graphql.js';
import {
  ClientApprovalRequests,
  ClientApprove,
  ClientApproveOwnDevice,
  ClientChallenge,
  ClientLogin,
  ClientLoginWithDevice,
  ClientRegisterDevice,
  ClientSignUp,
  ClientVerify,
  ClientWatchApprovalRequests,
  ClientWatchStatus,
} from './operations.js';

export class GatehouseError extends Error {
  constructor(
    message: string,
    readonly code: string | undefined,
  ) {
    super(message);
  }
}

export type DeviceDetails = Omit<DeviceInput, 'publicKey'>;

/** An owner approval request as the trusted device receives it. */
export type ApprovalRequest = ClientApprovalRequestFieldsFragment;

export class GatehouseClient {
  constructor(
    readonly url: string,
    private token: string | null = null,
  ) {}

  /** Signed in from now on (after a Session, or with a token kept from before). */
  useToken(token: string | null): void {
    this.token = token;
  }

  async request<TResult, TVariables>(document: TypedDocumentString<TResult, TVariables>, variables: TVariables): Promise<TResult> {
    const response = await fetch(this.url, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        accept: 'application/graphql-response+json, application/json',
        ...(this.token ? { authorization: `Bearer ${this.token}` } : {}),
      },
      body: JSON.stringify({ query: document.toString(), variables }),
    });
    const body = (await response.json()) as { data?: TResult | null; errors?: { message: string; extensions?: { code?: string } }[] };
    const error = body.errors?.[0];
    if (error || !body.data) throw new GatehouseError(error?.message ?? `HTTP ${response.status}`, error?.extensions?.code);
    return body.data;
  }

  signUp(email: string, password: string, displayName?: string) {
    return this.request(ClientSignUp, { input: { email, password, displayName } }).then((d) => d.signUp);
  }

  /**
   * Signs in from this device (admins may leave the device out); with a key, the first sign-in binds it and later
   * ones prove it.
   */
  /** `enrolmentCode`: an admin's code (e.g. from the app's managed configuration); it approves a new device. */
  async login(email: string, password: string, device?: DeviceDetails, key?: DeviceKey, options: { enrolmentCode?: string } = {}) {
    // A challenge can be had for any keyId, bound or not: always prove, so a key-bound installation gets in.
    const proof = key ? await this.prove(key) : null;
    const { login } = await this.request(ClientLogin, {
      input: { email, password, device: device && { ...device, publicKey: key?.publicJwk }, proof, enrolmentCode: options.enrolmentCode },
    });
    if (login.__typename === 'Session') this.useToken(login.token);
    return login;
  }

  async registerDevice(device: DeviceDetails, key?: DeviceKey) {
    const { registerDevice } = await this.request(ClientRegisterDevice, { input: { ...device, publicKey: key?.publicJwk } });
    return registerDevice;
  }

  /** Asks for a challenge and signs it: a DeviceProof ready to send. */
  async prove(key: DeviceKey) {
    const { deviceChallenge } = await this.request(ClientChallenge, { keyId: key.keyId });
    if (deviceChallenge.__typename !== 'DeviceChallenge') {
      throw new GatehouseError(deviceChallenge.message, 'TOO_MANY_ATTEMPTS');
    }
    return { keyId: key.keyId, challengeId: deviceChallenge.challengeId, signature: await key.sign(deviceChallenge.nonce) };
  }

  /** The known-device check. */
  async verify(key: DeviceKey) {
    return (await this.request(ClientVerify, { proof: await this.prove(key) })).verifyDevice;
  }

  /** Signs in as the device's owner with the key alone. */
  async loginWithDevice(key: DeviceKey) {
    const { loginWithDevice } = await this.request(ClientLoginWithDevice, { proof: await this.prove(key) });
    if (loginWithDevice.__typename === 'Session') this.useToken(loginWithDevice.token);
    return loginWithDevice;
  }

  async approve(deviceId: string) {
    return (await this.request(ClientApprove, { id: deviceId })).approveDevice;
  }

  /** On a trusted device (signed in): the owner's open approval requests, newest first. */
  async approvalRequests() {
    return (await this.request(ClientApprovalRequests, {})).deviceApprovalRequests;
  }

  /**
   * On a trusted device: approve the owner's new device by signing the request's message with this device's key.
   * `request` is an item of approvalRequests() or watchApprovalRequests().
   */
  async approveOwnDevice(request: { id: string; challengeId: string; message: string }, key: DeviceKey) {
    const proof = { keyId: key.keyId, challengeId: request.challengeId, signature: await key.sign(request.message) };
    return (await this.request(ClientApproveOwnDevice, { requestId: request.id, proof })).approveOwnDevice;
  }

  /**
   * On a trusted device: each new approval request of the signed-in owner, live over graphql-ws. Returns a function
   * that stops watching. The waiting device itself watches its status (watchStatus).
   */
  watchApprovalRequests(
    onRequest: (request: ApprovalRequest) => void,
    onEnd?: (error?: unknown) => void,
  ): () => void {
    if (!this.token) throw new GatehouseError('Sign in first', 'UNAUTHENTICATED');
    const ws: Client = createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${this.token}` },
      retryAttempts: 0,
    });
    const stop = ws.subscribe<{ deviceApprovalRequests: ApprovalRequest }>(
      { query: ClientWatchApprovalRequests.toString() },
      {
        next: (result) => {
          if (result.data) onRequest(result.data.deviceApprovalRequests);
        },
        error: (error) => onEnd?.(error),
        complete: () => onEnd?.(),
      },
    );
    return () => {
      stop();
      void ws.dispose();
    };
  }

  /**
   * Watches the device's status over graphql-ws with a watch token (or the session); calls `onChange` with each new
   * status. Returns a function that stops watching.
   */
  watchStatus(deviceId: string, token: string, onChange: (status: string) => void, onEnd?: (error?: unknown) => void): () => void {
    const ws: Client = createClient({
      url: this.url.replace(/^http/, 'ws'),
      webSocketImpl: WebSocket,
      connectionParams: { authorization: `Bearer ${token}` },
      retryAttempts: 0,
    });
    const stop = ws.subscribe<{ deviceStatusChanged: { status: string } }>(
      { query: ClientWatchStatus.toString(), variables: { deviceId } },
      {
        next: (result) => {
          if (result.data) onChange(result.data.deviceStatusChanged.status);
        },
        error: (error) => onEnd?.(error),
        complete: () => onEnd?.(),
      },
    );
    return () => {
      stop();
      void ws.dispose();
    };
  }
}
