// Which slot each policy document fills in the world, so the UI can label it. The answer
// comes from sandbox/world/policy-options.ts, the same place that tells the engine and the
// editor how to parse the document; traces name documents by id, so nothing here maps a
// trace's display name back to a document.
import type { PolicyKind } from '../../sandbox/policy/types.ts';
import { documentUses, type DocumentPlace } from '../../sandbox/world/policy-options.ts';
import type { DocId, World } from '../../sandbox/world/types.ts';
import { t, type Lang } from '../i18n/strings.ts';

export interface DocumentRole {
  readonly id: DocId;
  readonly kind: PolicyKind;
  /** Where it sits; `ownerLabel` names it in the reader's language. */
  readonly place: DocumentPlace;
  readonly accountId: string | null;
}

/** Every document of the world with its slot; a document attached in two places keeps the first. */
export function documentRoles(world: World): ReadonlyMap<DocId, DocumentRole> {
  const roles = new Map<DocId, DocumentRole>();
  for (const [id, use] of documentUses(world)) {
    roles.set(id, { id, kind: use.kind, place: use.place, accountId: use.accountId });
  }
  return roles;
}

/** Where a document sits, in the reader's language: `dev (222222222222) › グループ Developers`. */
export function ownerLabel(place: DocumentPlace, lang: Lang): string {
  if (place.within === null || place.holder === null) return place.name;
  return `${place.within} › ${t(lang, `place_${place.holder}`, { name: place.name })}`;
}
