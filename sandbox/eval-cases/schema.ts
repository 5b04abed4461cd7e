// The request-case format read by `iamlab eval` (../shared/notes/eval-cases.md), checked
// with zod. Policies stay `unknown` here: the policy parser judges them and reports findings.
import { z } from 'zod';

// AWS compares JSON numbers and booleans in their string form, so they are accepted and
// turned into strings; nothing else is invented.
const scalar = z.union([z.string(), z.number(), z.boolean()]).transform((v) => String(v));

export const contextSchema = z.record(z.string(), z.union([scalar, z.array(scalar)]));

export const requestSchema = z.object({
  principal: z.string(),
  action: z.string(),
  resource: z.string(),
  resourceAccount: z.string().optional(),
  context: contextSchema.optional(),
});

const policy = z.union([z.string(), z.record(z.string(), z.unknown())]);
const policyOrNull = policy.nullable().optional();
const levels = z.array(z.union([policy, z.array(policy)]));

export const caseSchema = z.object({
  id: z.string().min(1),
  request: requestSchema,
  identityPolicies: z.array(policy).optional(),
  resourcePolicy: policyOrNull,
  scps: levels.optional(),
  rcps: levels.optional(),
  permissionBoundary: policyOrNull,
  sessionPolicy: policyOrNull,
});

export type EvalCase = z.infer<typeof caseSchema>;
export type PolicyInput = z.infer<typeof policy>;
