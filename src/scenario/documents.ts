// Which slot each policy document fills in the world, so the UI can label it and the
// editor can pick validation rules. A document attached in two places keeps the first.
import type { PolicyKind } from '../../sandbox/policy/types.ts';
import type { DocId, World } from '../../sandbox/world/types.ts';

export interface DocumentRole {
  readonly id: DocId;
  readonly kind: PolicyKind;
  /** Where it sits, e.g. `dev (222222222222) › role Deploy`. */
  readonly owner: string;
  readonly accountId: string | null;
  /** Names the engine gives this document in traces (sandbox/world/resolve.ts). */
  readonly engineNames: readonly string[];
}

export function documentRoles(world: World): ReadonlyMap<DocId, DocumentRole> {
  const roles = new Map<DocId, DocumentRole>();
  const add = (
    id: DocId,
    kind: PolicyKind,
    owner: string,
    accountId: string | null,
    engineName?: string,
  ): void => {
    const known = roles.get(id);
    if (known !== undefined) {
      if (engineName !== undefined)
        roles.set(id, { ...known, engineNames: [...known.engineNames, engineName] });
      return;
    }
    if (id in world.documents) {
      roles.set(id, {
        id,
        kind,
        owner,
        accountId,
        engineNames: engineName === undefined ? [] : [engineName],
      });
    }
  };
  for (const a of world.accounts) {
    const acct = `${a.alias} (${a.id})`;
    for (const r of a.roles ?? []) {
      add(r.trustPolicy, 'trust', `${acct} › role ${r.name}`, a.id, `trust:${r.name}`);
      for (const p of r.inlinePolicies ?? [])
        add(p.document, 'identity', `${acct} › role ${r.name}`, a.id, `role:${r.name}/${p.name}`);
    }
    for (const u of a.users ?? []) {
      for (const p of u.inlinePolicies ?? [])
        add(p.document, 'identity', `${acct} › user ${u.name}`, a.id, `user:${u.name}/${p.name}`);
    }
    for (const g of a.groups ?? []) {
      for (const p of g.inlinePolicies ?? [])
        add(p.document, 'identity', `${acct} › group ${g.name}`, a.id, `group:${g.name}/${p.name}`);
    }
    for (const p of a.policies ?? []) {
      // A managed policy used only as a boundary is still shown as identity: the
      // boundary attachment below wins when it names the document first.
      const usedAsBoundary = [...(a.users ?? []), ...(a.roles ?? [])].some(
        (x) => x.permissionsBoundary === p.name,
      );
      add(
        p.document,
        usedAsBoundary ? 'boundary' : 'identity',
        `${acct} › policy ${p.name}`,
        a.id,
        p.name,
      );
      add(p.document, 'boundary', '', a.id, `boundary:${p.name}`);
    }
    for (const b of a.buckets ?? []) {
      if (b.policy !== undefined) add(b.policy, 'resource', `${acct} › bucket ${b.name}`, a.id);
    }
    for (const s of a.scps ?? []) add(s, 'scp', `${acct} › SCP`, a.id);
    for (const s of a.rcps ?? []) add(s, 'rcp', `${acct} › RCP`, a.id);
  }
  const walk = (ou: NonNullable<World['organization']>['root']): void => {
    for (const s of ou.scps ?? []) add(s, 'scp', `OU ${ou.name} › SCP`, null);
    for (const s of ou.rcps ?? []) add(s, 'rcp', `OU ${ou.name} › RCP`, null);
    for (const c of ou.children ?? []) walk(c);
  };
  if (world.organization !== null) walk(world.organization.root);
  for (const id of Object.keys(world.documents)) add(id, 'identity', id, null);
  return roles;
}

/** Which document a trace's policy name refers to; SCP/RCP names are `<level>/<doc id>`. */
export function docOfPolicyName(
  roles: ReadonlyMap<DocId, DocumentRole>,
  name: string,
): DocId | null {
  for (const role of roles.values()) {
    if (role.engineNames.includes(name)) return role.id;
    if ((role.kind === 'scp' || role.kind === 'rcp') && name.endsWith(`/${role.id}`))
      return role.id;
  }
  return null;
}
