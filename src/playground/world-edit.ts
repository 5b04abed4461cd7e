// The playground's world as a scenario folder, and the edits its world editor makes: add and
// remove accounts, users, groups, roles, buckets and goals. Pure data in, data out (no DOM),
// so the editor, the export and the tests share it. Every edit is checked by loading the
// result with the scenario loader that `iamlab check` uses: an edit that would leave a world
// the loader refuses is itself refused, so the page never shows a world the CLI would not.
import { loadScenarios, renderProblem } from '../../sandbox/scenario/index.ts';
import { proveScenario, type Proof } from '../../sandbox/scenario/prove.ts';
import type {
  Attempt,
  Exercise,
  Expectation,
  Goal,
  Scenario,
} from '../../sandbox/scenario/types.ts';
import type { Localized } from '../../sandbox/policy/types.ts';
import type {
  Account,
  AccountPurpose,
  DocId,
  Organization,
  OrganizationalUnit,
} from '../../sandbox/world/types.ts';
import type { Lang } from '../i18n/strings.ts';

/** `scenario.json` as data, in the loaded scenario's own (read-only) types. */
export interface ScenarioFile {
  readonly id: string;
  readonly version: number;
  readonly title: Localized;
  readonly description: Localized;
  readonly clockStart?: string;
  readonly organization?: Organization;
  readonly accounts: readonly Account[];
  readonly editable: readonly DocId[];
  readonly attempts: readonly Attempt[];
  readonly goals: readonly Goal[];
  readonly exercises: readonly Exercise[];
}

/** A scenario folder: `scenario.json` as data, the start's documents and the solution overlay. */
export interface WorldFolder {
  readonly file: ScenarioFile;
  readonly documents: Readonly<Record<DocId, string>>;
  readonly solution: Readonly<Record<DocId, string>>;
}

export type Purpose = AccountPurpose;
type AccountFile = Account;

export type EditResult =
  | { readonly ok: true; readonly folder: WorldFolder; readonly scenario: Scenario }
  | { readonly ok: false; readonly problem: string };

/** The id the playground's sandbox keeps, whatever folder it shows (storage keys use it). */
export const PLAYGROUND_ID = 'playground';
/** The exercise that goals saved from the attempt form belong to. */
export const MY_GOALS = 'my-goals';

const SCENARIO_FILE = 'scenario.json';
const SOLUTION_DIR = 'solution/';

/** A loaded scenario back as its folder (the loader keeps the file's accounts as they were). */
export function folderFromScenario(s: Scenario): WorldFolder {
  const file: ScenarioFile = {
    id: s.id,
    version: s.version,
    title: s.title,
    description: s.description,
    clockStart: new Date(s.clockStart).toISOString(),
    ...(s.world.organization === null ? {} : { organization: s.world.organization }),
    accounts: s.world.accounts,
    editable: s.editable,
    attempts: s.attempts,
    goals: s.goals,
    exercises: s.exercises,
  };
  return { file, documents: { ...s.world.documents }, solution: { ...s.solution } };
}

/** The folder as files under `dir/`, as `iamlab check` reads them from disk. */
export function folderFiles(folder: WorldFolder, dir: string): Record<string, string> {
  const files: Record<string, string> = {
    [`${dir}/${SCENARIO_FILE}`]: `${JSON.stringify(folder.file, null, 2)}\n`,
  };
  for (const [id, text] of Object.entries(folder.documents)) files[`${dir}/${id}`] = text;
  for (const [id, text] of Object.entries(folder.solution))
    files[`${dir}/${SOLUTION_DIR}${id}`] = text;
  return files;
}

/** Loads the folder as `iamlab check` would; the first problem, worded, when it does not load. */
export function loadFolder(
  folder: WorldFolder,
  lang: Lang = 'en',
): { ok: true; scenario: Scenario } | { ok: false; problem: string } {
  const { scenarios, problems } = loadScenarios(folderFiles(folder, folder.file.id));
  const first = problems[0];
  if (first !== undefined) return { ok: false, problem: renderProblem(first, lang) };
  const scenario = scenarios[0];
  if (scenario === undefined) return { ok: false, problem: 'no scenario' };
  return { ok: true, scenario };
}

/** Files of a folder (paths relative to it, or under one top folder) back as a folder. */
export function folderFromFiles(
  files: Readonly<Record<string, string>>,
  lang: Lang = 'en',
): { ok: true; folder: WorldFolder } | { ok: false; problem: string } {
  const paths = Object.keys(files);
  const top = paths.filter((p) => p === SCENARIO_FILE || p.endsWith(`/${SCENARIO_FILE}`));
  // Exactly one scenario.json, at the root or one folder down (a zip of the folder itself).
  const roots = top.filter((p) => p.split('/').length <= 2);
  if (roots.length !== 1) return { ok: false, problem: 'noScenario' };
  const prefix = roots[0]?.slice(0, -SCENARIO_FILE.length) ?? '';
  let raw: unknown;
  try {
    raw = JSON.parse(files[`${prefix}${SCENARIO_FILE}`] ?? '');
  } catch {
    raw = null;
  }
  const id =
    typeof raw === 'object' && raw !== null && 'id' in raw && typeof raw.id === 'string'
      ? raw.id
      : 'scenario';
  const input: Record<string, string> = {};
  for (const [path, text] of Object.entries(files))
    if (path.startsWith(prefix)) input[`${id}/${path.slice(prefix.length)}`] = text;
  const { scenarios, problems } = loadScenarios(input);
  const first = problems[0];
  if (first !== undefined) return { ok: false, problem: renderProblem(first, lang) };
  const scenario = scenarios[0];
  if (scenario === undefined) return { ok: false, problem: 'noScenario' };
  return { ok: true, folder: folderFromScenario(scenario) };
}

/** An opened folder as the playground shows it: every document editable, listed ones first. */
export function everyDocumentEditable(folder: WorldFolder): WorldFolder {
  return {
    ...folder,
    file: { ...folder.file, editable: allEditable(folder.file.editable, folder.documents) },
  };
}

/** The playground shows the folder under its own id; a trainer's export gets the id they pick. */
export function withId(folder: WorldFolder, id: string): WorldFolder {
  return { ...folder, file: { ...folder.file, id } };
}

/**
 * The folder to download: the learner's documents that differ from the start become the
 * solution (over the folder's own), so the start is the world as built and the solution is
 * what the learner wrote. Checked as `iamlab check` does: loaded, then proved.
 */
export function exportFolder(
  folder: WorldFolder,
  learner: Readonly<Record<DocId, string>>,
  id: string,
  lang: Lang = 'en',
): {
  folder: WorldFolder;
  files: Record<string, string>;
  problem: string | null;
  proof: Proof | null;
} {
  const solution: Record<DocId, string> = { ...folder.solution };
  for (const [docId, text] of Object.entries(learner))
    if (folder.documents[docId] !== undefined && folder.documents[docId] !== text)
      solution[docId] = text;
  const out = withId({ ...folder, solution }, id);
  const loaded = loadFolder(out, lang);
  return {
    folder: out,
    files: folderFiles(out, id),
    problem: loaded.ok ? null : loaded.problem,
    proof: loaded.ok ? proveScenario(loaded.scenario) : null,
  };
}

// ---- edits ------------------------------------------------------------------------------

/**
 * Every document of the folder: the playground lets the learner edit them all. Listed ones
 * keep their place (the panels' order), new ones follow in the order they were made.
 */
function allEditable(
  before: readonly DocId[],
  documents: Readonly<Record<DocId, string>>,
): DocId[] {
  const kept = before.filter((id) => documents[id] !== undefined);
  return [...kept, ...Object.keys(documents).filter((id) => !kept.includes(id))];
}

/** Applies an edit and keeps it only if the loader accepts the result. */
function commit(
  folder: WorldFolder,
  file: ScenarioFile,
  documents: Readonly<Record<DocId, string>>,
  lang: Lang,
): EditResult {
  const solution: Record<DocId, string> = {};
  for (const [id, text] of Object.entries(folder.solution))
    if (documents[id] !== undefined) solution[id] = text;
  const next: WorldFolder = {
    file: { ...file, editable: allEditable(file.editable, documents) },
    documents,
    solution,
  };
  const loaded = loadFolder(next, lang);
  return loaded.ok ? { ok: true, folder: next, scenario: loaded.scenario } : loaded;
}

/** `arn:aws:iam::…` of a principal, for finding attempts that name it. */
const userArn = (account: string, name: string, path = '/'): string =>
  `arn:aws:iam::${account}:user${path}${name}`;
const roleArn = (account: string, name: string, path = '/'): string =>
  `arn:aws:iam::${account}:role${path}${name}`;

/** A document id nobody uses yet, from readable parts. */
function freshDocId(documents: Readonly<Record<DocId, string>>, ...parts: string[]): DocId {
  const base = `policies/${parts.map((p) => p.replace(/[^\w.-]/g, '_')).join('-')}`;
  let id = `${base}.json`;
  for (let n = 2; documents[id] !== undefined; n++) id = `${base}-${n}.json`;
  return id;
}

const json = (value: unknown): string => `${JSON.stringify(value, null, 2)}\n`;

/**
 * A new role trusts its own account, as the console's "AWS account → This account" choice
 * writes it: the account's principals may assume it once their own policies allow
 * `sts:AssumeRole` (Principal element, "AWS account principals":
 * https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_elements_principal.html).
 */
export function defaultTrustPolicy(accountId: string): string {
  return json({
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::${accountId}:root` },
        Action: 'sts:AssumeRole',
      },
    ],
  });
}

/** A new identity's inline policy: read-only S3 listing, a harmless start to edit from. */
export function defaultIdentityPolicy(): string {
  return json({
    Version: '2012-10-17',
    Statement: [{ Effect: 'Allow', Action: 's3:ListAllMyBuckets', Resource: '*' }],
  });
}

/**
 * A new bucket's policy refuses plain-HTTP requests, AWS's own first bucket policy example
 * (https://repost.aws/knowledge-center/s3-bucket-policy-for-config-rule); it grants nothing.
 */
export function defaultBucketPolicy(bucket: string): string {
  return json({
    Version: '2012-10-17',
    Statement: [
      {
        Sid: 'AllowSSLRequestsOnly',
        Effect: 'Deny',
        Principal: '*',
        Action: 's3:*',
        Resource: [`arn:aws:s3:::${bucket}`, `arn:aws:s3:::${bucket}/*`],
        Condition: { Bool: { 'aws:SecureTransport': 'false' } },
      },
    ],
  });
}

function withAccount(
  file: ScenarioFile,
  accountId: string,
  change: (a: AccountFile) => AccountFile,
): ScenarioFile | null {
  if (!file.accounts.some((a) => a.id === accountId)) return null;
  return {
    ...file,
    accounts: file.accounts.map((a) => (a.id === accountId ? change(a) : a)),
  };
}

export function addAccount(
  folder: WorldFolder,
  input: { id: string; alias: string; purpose: Purpose; inOrganization: boolean },
  lang: Lang = 'en',
): EditResult {
  const file = folder.file;
  if (file.accounts.some((a) => a.id === input.id)) return { ok: false, problem: 'exists' };
  const org = file.organization;
  const organization =
    org === undefined || !input.inOrganization
      ? org
      : { ...org, root: { ...org.root, accounts: [...(org.root.accounts ?? []), input.id] } };
  return commit(
    folder,
    {
      ...file,
      ...(organization === undefined ? {} : { organization }),
      accounts: [...file.accounts, { id: input.id, alias: input.alias, purpose: input.purpose }],
    },
    folder.documents,
    lang,
  );
}

export function addUser(
  folder: WorldFolder,
  input: { account: string; name: string; group?: string; inlinePolicy: boolean },
  lang: Lang = 'en',
): EditResult {
  const account = folder.file.accounts.find((a) => a.id === input.account);
  if (account === undefined) return { ok: false, problem: 'noAccount' };
  if (account.users?.some((u) => u.name === input.name) === true)
    return { ok: false, problem: 'exists' };
  const documents = { ...folder.documents };
  const inline: { name: string; document: string }[] = [];
  if (input.inlinePolicy) {
    const doc = freshDocId(documents, account.alias, 'user', input.name);
    documents[doc] = defaultIdentityPolicy();
    inline.push({ name: `${input.name}-policy`, document: doc });
  }
  const file = withAccount(folder.file, input.account, (a) => ({
    ...a,
    users: [
      ...(a.users ?? []),
      {
        name: input.name,
        ...(input.group === undefined || input.group === '' ? {} : { groups: [input.group] }),
        ...(inline.length === 0 ? {} : { inlinePolicies: inline }),
      },
    ],
  }));
  return file === null
    ? { ok: false, problem: 'noAccount' }
    : commit(folder, file, documents, lang);
}

export function addGroup(
  folder: WorldFolder,
  input: { account: string; name: string; inlinePolicy: boolean },
  lang: Lang = 'en',
): EditResult {
  const account = folder.file.accounts.find((a) => a.id === input.account);
  if (account === undefined) return { ok: false, problem: 'noAccount' };
  if (account.groups?.some((g) => g.name === input.name) === true)
    return { ok: false, problem: 'exists' };
  const documents = { ...folder.documents };
  const inline: { name: string; document: string }[] = [];
  if (input.inlinePolicy) {
    const doc = freshDocId(documents, account.alias, 'group', input.name);
    documents[doc] = defaultIdentityPolicy();
    inline.push({ name: `${input.name}-policy`, document: doc });
  }
  const file = withAccount(folder.file, input.account, (a) => ({
    ...a,
    groups: [
      ...(a.groups ?? []),
      { name: input.name, ...(inline.length === 0 ? {} : { inlinePolicies: inline }) },
    ],
  }));
  return file === null
    ? { ok: false, problem: 'noAccount' }
    : commit(folder, file, documents, lang);
}

/** A role comes with its trust policy document (this account trusted) and, if asked, an inline policy. */
export function addRole(
  folder: WorldFolder,
  input: { account: string; name: string; inlinePolicy: boolean },
  lang: Lang = 'en',
): EditResult {
  const account = folder.file.accounts.find((a) => a.id === input.account);
  if (account === undefined) return { ok: false, problem: 'noAccount' };
  if (account.roles?.some((r) => r.name === input.name) === true)
    return { ok: false, problem: 'exists' };
  const documents = { ...folder.documents };
  const trust = freshDocId(documents, account.alias, input.name, 'trust');
  documents[trust] = defaultTrustPolicy(account.id);
  const inline: { name: string; document: string }[] = [];
  if (input.inlinePolicy) {
    const doc = freshDocId(documents, account.alias, input.name, 'permissions');
    documents[doc] = defaultIdentityPolicy();
    inline.push({ name: `${input.name}-policy`, document: doc });
  }
  const file = withAccount(folder.file, input.account, (a) => ({
    ...a,
    roles: [
      ...(a.roles ?? []),
      {
        name: input.name,
        trustPolicy: trust,
        ...(inline.length === 0 ? {} : { inlinePolicies: inline }),
      },
    ],
  }));
  return file === null
    ? { ok: false, problem: 'noAccount' }
    : commit(folder, file, documents, lang);
}

export function addBucket(
  folder: WorldFolder,
  input: { account: string; name: string; policy: boolean },
  lang: Lang = 'en',
): EditResult {
  const account = folder.file.accounts.find((a) => a.id === input.account);
  if (account === undefined) return { ok: false, problem: 'noAccount' };
  // Bucket names are global across AWS, so across this world too.
  if (folder.file.accounts.some((a) => a.buckets?.some((b) => b.name === input.name) === true))
    return { ok: false, problem: 'exists' };
  const documents = { ...folder.documents };
  let policy: string | undefined;
  if (input.policy) {
    policy = freshDocId(documents, account.alias, 'bucket', input.name);
    documents[policy] = defaultBucketPolicy(input.name);
  }
  const file = withAccount(folder.file, input.account, (a) => ({
    ...a,
    buckets: [
      ...(a.buckets ?? []),
      { name: input.name, ...(policy === undefined ? {} : { policy }) },
    ],
  }));
  return file === null
    ? { ok: false, problem: 'noAccount' }
    : commit(folder, file, documents, lang);
}

/** Something the world editor can remove, as its select lists it. */
export type EntityRef =
  | { readonly kind: 'account'; readonly account: string }
  | {
      readonly kind: 'user' | 'group' | 'role' | 'bucket';
      readonly account: string;
      readonly name: string;
    }
  | { readonly kind: 'goal'; readonly id: string };

/** Everything removable, in the world's order. */
export function entities(folder: WorldFolder): EntityRef[] {
  const out: EntityRef[] = [];
  for (const a of folder.file.accounts) {
    out.push({ kind: 'account', account: a.id });
    for (const u of a.users ?? []) out.push({ kind: 'user', account: a.id, name: u.name });
    for (const g of a.groups ?? []) out.push({ kind: 'group', account: a.id, name: g.name });
    for (const r of a.roles ?? []) out.push({ kind: 'role', account: a.id, name: r.name });
    for (const b of a.buckets ?? []) out.push({ kind: 'bucket', account: a.id, name: b.name });
  }
  for (const g of folder.file.goals) out.push({ kind: 'goal', id: g.id });
  return out;
}

export function entityKey(e: EntityRef): string {
  if (e.kind === 'goal') return `goal:${e.id}`;
  if (e.kind === 'account') return `account:${e.account}`;
  return `${e.kind}:${e.account}:${e.name}`;
}

/** Documents an account's own entities use (not SCPs/RCPs of the organization). */
function accountDocuments(a: AccountFile): DocId[] {
  return [
    ...(a.users ?? []).flatMap((u) => (u.inlinePolicies ?? []).map((p) => p.document)),
    ...(a.groups ?? []).flatMap((g) => (g.inlinePolicies ?? []).map((p) => p.document)),
    ...(a.roles ?? []).flatMap((r) => [
      r.trustPolicy,
      ...(r.inlinePolicies ?? []).map((p) => p.document),
    ]),
    ...(a.policies ?? []).map((p) => p.document),
    ...(a.buckets ?? []).flatMap((b) => (b.policy === undefined ? [] : [b.policy])),
    ...(a.scps ?? []),
    ...(a.rcps ?? []),
  ];
}

/** Every document something in the file still names. */
function referenced(file: ScenarioFile): Set<DocId> {
  const refs = new Set<DocId>(file.accounts.flatMap(accountDocuments));
  const walk = (ou: OrganizationalUnit): void => {
    for (const s of [...(ou.scps ?? []), ...(ou.rcps ?? [])]) refs.add(s);
    for (const c of ou.children ?? []) walk(c);
  };
  if (file.organization !== undefined) walk(file.organization.root);
  // Session policies named by a call are documents too.
  for (const a of [...file.attempts, ...file.goals])
    for (const s of a.steps) {
      const policy: string | undefined = 'policy' in s.call ? s.call.policy : undefined;
      if (policy !== undefined) refs.add(policy);
    }
  return refs;
}

/**
 * Attempts and goals that would name what is gone: as their caller (by name or ARN) or in a
 * call (a role ARN, an account ID). They go with it, and exercises left without goals too.
 */
function withoutMentions(file: ScenarioFile, mentions: (text: string) => boolean): ScenarioFile {
  const keep = (a: Attempt): boolean => !mentions(JSON.stringify({ as: a.as, steps: a.steps }));
  const goals = file.goals.filter(keep);
  const ids = new Set(goals.map((g) => g.id));
  const exercises = file.exercises
    .map((e) => ({ ...e, goals: e.goals.filter((id) => ids.has(id)) }))
    .filter((e) => e.goals.length > 0);
  return { ...file, attempts: file.attempts.filter(keep), goals, exercises };
}

/** Drops documents nothing names any more. */
function prune(folder: WorldFolder, file: ScenarioFile): Record<DocId, string> {
  const refs = referenced(file);
  const documents: Record<DocId, string> = {};
  for (const [id, text] of Object.entries(folder.documents)) if (refs.has(id)) documents[id] = text;
  return documents;
}

function removeFromOu(ou: OrganizationalUnit, accountId: string): OrganizationalUnit {
  return {
    ...ou,
    ...(ou.accounts === undefined
      ? {}
      : { accounts: ou.accounts.filter((id) => id !== accountId) }),
    ...(ou.children === undefined
      ? {}
      : { children: ou.children.map((c) => removeFromOu(c, accountId)) }),
  };
}

/**
 * Removes one entity and what refers to it: its documents, group memberships, the attempts
 * and goals that name it, exercises left empty. A scenario needs a goal and an exercise, and
 * an organization its management account: such a removal is refused.
 */
export function removeEntity(folder: WorldFolder, ref: EntityRef, lang: Lang = 'en'): EditResult {
  const file = folder.file;
  let next: ScenarioFile;
  if (ref.kind === 'goal') {
    if (!file.goals.some((g) => g.id === ref.id)) return { ok: false, problem: 'missing' };
    next = withoutMentions(
      { ...file, goals: file.goals.filter((g) => g.id !== ref.id) },
      () => false,
    );
  } else if (ref.kind === 'account') {
    if (!file.accounts.some((a) => a.id === ref.account)) return { ok: false, problem: 'missing' };
    if (file.organization?.managementAccount === ref.account)
      return { ok: false, problem: 'managementAccount' };
    const org = file.organization;
    const owned = new Set(
      file.accounts.find((a) => a.id === ref.account)?.users?.map((u) => u.name) ?? [],
    );
    next = withoutMentions(
      {
        ...file,
        ...(org === undefined
          ? {}
          : { organization: { ...org, root: removeFromOu(org.root, ref.account) } }),
        accounts: file.accounts.filter((a) => a.id !== ref.account),
      },
      (text) =>
        text.includes(`:${ref.account}:`) ||
        text.includes(`"${ref.account}"`) ||
        [...owned].some((n) => text.includes(`"as":"${n}"`)),
    );
  } else {
    const account = file.accounts.find((a) => a.id === ref.account);
    if (account === undefined) return { ok: false, problem: 'missing' };
    const name = ref.name;
    let changed: AccountFile;
    let mentions: (text: string) => boolean;
    switch (ref.kind) {
      case 'user': {
        const user = account.users?.find((u) => u.name === name);
        if (user === undefined) return { ok: false, problem: 'missing' };
        changed = { ...account, users: (account.users ?? []).filter((u) => u !== user) };
        const arn = userArn(account.id, name, user.path);
        mentions = (text) => text.includes(`"as":"${name}"`) || text.includes(arn);
        break;
      }
      case 'group': {
        if (account.groups?.some((g) => g.name === name) !== true)
          return { ok: false, problem: 'missing' };
        changed = {
          ...account,
          groups: (account.groups ?? []).filter((g) => g.name !== name),
          ...(account.users === undefined
            ? {}
            : {
                users: account.users.map((u) =>
                  u.groups === undefined ? u : { ...u, groups: u.groups.filter((g) => g !== name) },
                ),
              }),
        };
        mentions = () => false;
        break;
      }
      case 'role': {
        const role = account.roles?.find((r) => r.name === name);
        if (role === undefined) return { ok: false, problem: 'missing' };
        changed = { ...account, roles: (account.roles ?? []).filter((r) => r !== role) };
        const arn = roleArn(account.id, name, role.path);
        mentions = (text) =>
          text.includes(arn) ||
          (text.includes(`"roleName":"${name}"`) && text.includes(account.id));
        break;
      }
      case 'bucket': {
        if (account.buckets?.some((b) => b.name === name) !== true)
          return { ok: false, problem: 'missing' };
        changed = { ...account, buckets: (account.buckets ?? []).filter((b) => b.name !== name) };
        mentions = (text) => text.includes(`arn:aws:s3:::${name}`);
        break;
      }
    }
    next = withoutMentions(
      { ...file, accounts: file.accounts.map((a) => (a === account ? changed : a)) },
      mentions,
    );
  }
  if (next.goals.length === 0 || next.exercises.length === 0)
    return { ok: false, problem: 'lastGoal' };
  return commit(folder, next, prune(folder, next), lang);
}

/** A goal id from its title, unique among attempts and goals. */
function goalId(file: ScenarioFile, title: string): string {
  const base =
    title
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 40) || 'goal';
  const taken = new Set([...file.attempts, ...file.goals].map((a) => a.id));
  let id = /^[a-z0-9]/.test(base) ? base : `goal-${base}`;
  for (let n = 2; taken.has(id); n++) id = `${base}-${n}`;
  return id;
}

/**
 * The attempt on the form, kept as a goal with the decision it should get, in the learner's
 * own exercise (made on the first goal). A goal is a scenario's promise that `iamlab check`
 * proves, so one that starts from a held session (not a fresh sign-in) is refused.
 */
export function addGoal(
  folder: WorldFolder,
  input: {
    attempt: Attempt;
    expect: Expectation;
    title: string;
    exercise: { title: { en: string; ja: string }; instructions: { en: string; ja: string } };
  },
  lang: Lang = 'en',
): EditResult {
  const file = folder.file;
  const title = input.title.trim();
  if (title === '') return { ok: false, problem: 'noTitle' };
  const id = goalId(file, title);
  const a = input.attempt;
  // The learner writes one title; the file asks for both languages, so it serves as both.
  const goal = {
    id,
    title: { en: title, ja: title },
    ...(a.as === undefined ? {} : { as: a.as }),
    ...(a.signIn === undefined ? {} : { signIn: a.signIn }),
    steps: a.steps,
    expect: input.expect,
  };
  const mine = file.exercises.find((e) => e.id === MY_GOALS);
  const exercises = mine
    ? file.exercises.map((e) => (e === mine ? { ...e, goals: [...e.goals, id] } : e))
    : [
        ...file.exercises,
        {
          id: MY_GOALS,
          title: input.exercise.title,
          instructions: input.exercise.instructions,
          goals: [id],
          hints: [],
        },
      ];
  return commit(
    folder,
    { ...file, goals: [...file.goals, goal], exercises },
    folder.documents,
    lang,
  );
}
