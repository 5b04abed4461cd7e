// Which slot each policy document fills in the world, so the UI can label it. The answer
// comes from sandbox/world/policy-options.ts, the same place that tells the engine and the
// editor how to parse the document; traces name documents by id, so nothing here maps a
// trace's display name back to a document.
import type { PolicyKind } from '../../sandbox/policy/types.ts';
import { documentUses } from '../../sandbox/world/policy-options.ts';
import type { DocId, World } from '../../sandbox/world/types.ts';

export interface DocumentRole {
  readonly id: DocId;
  readonly kind: PolicyKind;
  /** Where it sits, e.g. `dev (222222222222) › role Deploy`. */
  readonly owner: string;
  readonly accountId: string | null;
}

/** Every document of the world with its slot; a document attached in two places keeps the first. */
export function documentRoles(world: World): ReadonlyMap<DocId, DocumentRole> {
  const roles = new Map<DocId, DocumentRole>();
  for (const [id, use] of documentUses(world)) {
    roles.set(id, { id, kind: use.kind, owner: use.owner, accountId: use.accountId });
  }
  return roles;
}
