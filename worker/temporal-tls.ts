import { readFileSync } from 'node:fs';
import type { TLSConfig } from '@temporalio/client';
import type { AppConfig } from './config.js';

/**
 * The client side of mutual TLS to the Temporal frontend, from TEMPORAL_TLS_* files (read once, at start-up);
 * `undefined` (plain gRPC) when none is set, which is only safe on loopback or inside one host's network.
 */
export function temporalTls(config: AppConfig): TLSConfig | undefined {
  const { TEMPORAL_TLS_CA_FILE: ca, TEMPORAL_TLS_CERT_FILE: cert, TEMPORAL_TLS_KEY_FILE: key } = config;
  if (!ca && !cert && !key) return undefined;
  if (!cert !== !key)
    throw new Error('Invalid configuration:\n  TEMPORAL_TLS_CERT_FILE, TEMPORAL_TLS_KEY_FILE: set both or neither');
  return {
    serverNameOverride: config.TEMPORAL_TLS_SERVER_NAME,
    serverRootCACertificate: ca ? readFileSync(ca) : undefined,
    clientCertPair: cert && key ? { crt: readFileSync(cert), key: readFileSync(key) } : undefined,
  };
}
