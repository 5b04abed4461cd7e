// Text renderings of the access map and of paths, for the CLI (and anyone else printing).
import type { Localized } from '../policy/types.ts';
import type { FoundPath, PathsResult, StoppedPath } from './paths.ts';
import type { AccessMap, GateStep, Hop, Reach, Target } from './types.ts';
import { subjectName, targetPhrase, withPhrase, type Lang } from './words.ts';

const GATE_NAMES: Readonly<Record<string, Localized>> = {
  scp: { en: 'SCP', ja: 'SCP' },
  rcp: { en: 'RCP', ja: 'RCP' },
  resource: { en: 'resource policy', ja: 'リソースベースのポリシー' },
  identity: { en: 'identity policy', ja: 'アイデンティティベースのポリシー' },
  boundary: { en: 'permissions boundary', ja: 'アクセス許可の境界' },
  session: { en: 'session policy', ja: 'セッションポリシー' },
  request: { en: 'STS request checks', ja: 'STS のリクエスト検査' },
};

export function gateName(gate: string, lang: Lang): string {
  return GATE_NAMES[gate]?.[lang] ?? gate;
}

/** `Deploy (acme-prod)` or `bucket \`x\` (read)`: a hop's end, short. */
export function targetShort(t: Target, aliases: ReadonlyMap<string, string>): string {
  return t.kind === 'role'
    ? `${t.name} (${aliases.get(t.account) ?? t.account})`
    : `\`${t.bucket}\` ${t.action}`;
}

function reachLine(reach: Reach, lang: Lang, aliases: ReadonlyMap<string, string>): string {
  const routes = reach.routes.map((r) => {
    const how =
      r.requirements.length === 0
        ? lang === 'en'
          ? 'no requirement'
          : '条件なし'
        : withPhrase(r.requirements, lang);
    const via =
      r.hops.length > 1
        ? ` [${r.hops
            .slice(0, -1)
            .map((h) => targetShort(h.to, aliases))
            .join(' → ')}]`
        : '';
    return `${how}${via}`;
  });
  return `  ${targetPhrase([reach.target], lang, aliases)}: ${routes.join(lang === 'en' ? '; or ' : '、または ')}`;
}

/** The whole map, one block per subject that can reach anything. */
export function renderMap(
  map: AccessMap,
  lang: Lang,
  aliases: ReadonlyMap<string, string>,
): string {
  const blocks: string[] = [];
  for (const sa of map.subjects) {
    if (sa.roles.length + sa.buckets.length === 0) continue;
    const lines = [subjectName(sa.subject, lang)];
    for (const r of [...sa.roles, ...sa.buckets]) lines.push(reachLine(r, lang, aliases));
    blocks.push(lines.join('\n'));
  }
  if (blocks.length === 0)
    return lang === 'en' ? 'nobody can reach anything\n' : '誰もどこにも到達できません\n';
  return `${blocks.join('\n\n')}\n`;
}

const OUTCOME_WORDS: Readonly<Record<string, Localized>> = {
  allow: { en: 'allows', ja: 'が許可' },
  explicitDeny: { en: 'denies explicitly', ja: 'が明示的に拒否' },
  implicitDeny: { en: 'does not allow', ja: 'が許可せず' },
};

function gatesLine(gates: readonly GateStep[], lang: Lang): string {
  return gates
    .map((g) => {
      const outcome = OUTCOME_WORDS[g.outcome]?.[lang] ?? g.outcome;
      const by = g.deciding.length > 0 ? ` (${g.deciding.join(', ')})` : '';
      return lang === 'en'
        ? `${gateName(g.gate, lang)} ${outcome}${by}`
        : `${gateName(g.gate, lang)}${outcome}${by}`;
    })
    .join(lang === 'en' ? '; ' : '、');
}

/** One hop in words: the call and where it lands, then its gates. */
export function hopText(
  hop: Hop,
  lang: Lang,
  aliases: ReadonlyMap<string, string>,
): { readonly call: string; readonly gates: string } {
  const need = hop.requirements.length === 0 ? '' : `, ${withPhrase(hop.requirements, lang)}`;
  return {
    call: `${hop.action} → ${targetShort(hop.to, aliases)}${need}`,
    gates: gatesLine(hop.gates, lang),
  };
}

/** What a whole route takes: `no requirement`, or `with MFA and …`. */
export function routeText(requirements: FoundPath['requirements'], lang: Lang): string {
  if (requirements.length > 0) return withPhrase(requirements, lang);
  return lang === 'en' ? 'no requirement' : '条件なし';
}

/** The hop that no requirement opens, and the gate that stops it. */
export function stopText(
  b: StoppedPath['blocked'],
  lang: Lang,
  aliases: ReadonlyMap<string, string>,
): string {
  const tried =
    b.tried.length === 0
      ? ''
      : lang === 'en'
        ? ` (no value of ${b.tried.map((k) => `\`${k}\``).join(', ')} helps)`
        : `（${b.tried.map((k) => `\`${k}\``).join('、')} のどの値でも通りません）`;
  return lang === 'en'
    ? `${b.action} → ${targetShort(b.to, aliases)}: stopped by the ${gateName(b.gate, lang)}: ${b.summary.en}${tried}`
    : `${b.action} → ${targetShort(b.to, aliases)}: ${gateName(b.gate, lang)}で止まります: ${b.summary.ja}${tried}`;
}

/** The first line of an answer to "how can X reach Y?". */
export function pathsHeading(
  result: PathsResult,
  lang: Lang,
  aliases: ReadonlyMap<string, string>,
): string {
  if (!result.ok) {
    const what =
      result.problem === 'unknown-from'
        ? lang === 'en'
          ? 'no principal'
          : 'プリンシパルがありません'
        : lang === 'en'
          ? 'no role or bucket'
          : 'ロールもバケットもありません';
    return lang === 'en' ? `${what} named \`${result.name}\`` : `\`${result.name}\` という${what}`;
  }
  const who = subjectName(result.from, lang);
  const first = result.to[0];
  const what =
    first === undefined
      ? ''
      : first.kind === 'role'
        ? targetShort(first, aliases)
        : `\`${first.bucket}\``;
  if (result.paths.length > 0)
    return lang === 'en'
      ? `${who} → ${what}: ${result.paths.length} path(s)`
      : `${who} → ${what}: 経路 ${result.paths.length} 件`;
  if (result.stopped.length > 0)
    return lang === 'en'
      ? `${who} → ${what}: no path; where each candidate stops:`
      : `${who} → ${what}: 経路なし。候補ごとに止まる場所:`;
  return lang === 'en'
    ? `${who} → ${what}: no path, and no policy on the way names ${who} or a role it can reach`
    : `${who} → ${what}: 経路なし。途中のどのポリシーも ${who} や到達できるロールを指定していません`;
}

function hopLines(hop: Hop, lang: Lang, aliases: ReadonlyMap<string, string>): string[] {
  const text = hopText(hop, lang, aliases);
  return [`    ${text.call}`, `      ${text.gates}`];
}

export function renderPaths(
  result: PathsResult,
  lang: Lang,
  aliases: ReadonlyMap<string, string>,
): string {
  const lines = [pathsHeading(result, lang, aliases)];
  if (result.ok) {
    result.paths.forEach((p, i) => {
      lines.push(`  ${i + 1}. ${routeText(p.requirements, lang)}`);
      for (const h of p.hops) lines.push(...hopLines(h, lang, aliases));
    });
    if (result.paths.length === 0) {
      result.stopped.forEach((st, i) => {
        lines.push(`  ${i + 1}.`);
        for (const h of st.hops) lines.push(...hopLines(h, lang, aliases));
        lines.push(`    ${stopText(st.blocked, lang, aliases)}`);
        for (const h of st.after) lines.push(`    (${h.action} → ${targetShort(h.to, aliases)})`);
      });
    }
  }
  return `${lines.join('\n')}\n`;
}
