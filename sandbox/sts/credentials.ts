// Temporary credentials, derived from a seed so the same call always yields the same keys.
import { isoSeconds } from '../clock/clock.ts';
import { secretAccessKey, sessionToken, temporaryKeyId } from '../world/ids.ts';
import type { Credentials } from '../world/types.ts';
import type { CliCredentials } from './types.ts';

export function issueCredentials(seed: string, expiresAt: number): Credentials {
  return {
    accessKeyId: temporaryKeyId(seed),
    secretAccessKey: secretAccessKey(seed),
    sessionToken: sessionToken(seed),
    expiration: isoSeconds(expiresAt),
  };
}

export function cliCredentials(c: Credentials): CliCredentials {
  return {
    AccessKeyId: c.accessKeyId,
    SecretAccessKey: c.secretAccessKey,
    SessionToken: c.sessionToken,
    Expiration: c.expiration,
  };
}
