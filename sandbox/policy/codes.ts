// Every finding code the policy layer emits, with its severity: the list the golden corpus,
// the CLI and the editor can rely on. `Finding.code` stays a string in types.ts so that
// other layers may add their own codes.
import type { Severity } from './types.ts';

export const FINDING_CODES = {
  // JSON and document shape
  'malformed-json': 'error',
  'nesting-too-deep': 'error',
  'not-an-object': 'error',
  'invalid-character': 'error',
  'duplicate-key': 'error',
  'unknown-element': 'error',
  'wrong-type': 'error',
  'invalid-version': 'error',
  'missing-version': 'suggestion',
  'variables-in-old-version': 'warning',
  'id-in-identity-policy': 'warning',
  'missing-statement': 'error',
  // statements
  'missing-effect': 'error',
  'invalid-effect': 'error',
  'invalid-sid': 'error',
  'duplicate-sid': 'error',
  'missing-action': 'error',
  'action-and-notaction': 'error',
  'invalid-action': 'error',
  'invalid-trust-action': 'error',
  'missing-resource': 'error',
  'resource-and-notresource': 'error',
  'resource-not-allowed': 'error',
  'invalid-arn': 'error',
  'variable-before-resource-part': 'error',
  'principal-and-notprincipal': 'error',
  'principal-not-allowed': 'error',
  'missing-principal': 'error',
  'invalid-principal': 'error',
  'principal-unique-id': 'warning',
  'empty-value': 'suggestion',
  // conditions
  'unknown-condition-operator': 'error',
  'null-with-ifexists': 'error',
  'invalid-bool-value': 'error',
  'invalid-numeric-value': 'error',
  'invalid-date-value': 'error',
  'invalid-ip-value': 'error',
  'invalid-binary-value': 'error',
  // whole policy
  'policy-size-exceeded': 'error',
  'too-many-findings': 'suggestion',
  // security
  'trust-allows-anyone': 'security-warning',
  'allow-with-notprincipal': 'security-warning',
  'github-oidc-without-sub': 'security-warning',
  'oidc-without-aud': 'security-warning',
  'third-party-without-external-id': 'security-warning',
  'saml-without-aud': 'warning',
  // AWS Organizations
  'rcp-allow-not-supported': 'error',
} as const satisfies Record<string, Severity>;

export type FindingCode = keyof typeof FINDING_CODES;
