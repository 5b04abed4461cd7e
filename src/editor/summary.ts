// The policy summary beside the editor (Monaco or the plain text box), like the IAM
// console's: per service the access levels granted, on which resources, under which
// conditions, and what each wildcard matches.
// Reached only through a dynamic import once editing starts (`loadCatalogAids` in ./load.ts),
// with the catalog it needs; it also hands the policy panel the catalog's findings.
import { parsePolicy } from '../../sandbox/policy/index.ts';
import type { PolicyKind } from '../../sandbox/policy/types.ts';
import { summarizePolicy } from '../../sandbox/catalog/summary.ts';
import type { Element } from '../dom/tree.ts';
import type { Lang } from '../i18n/strings.ts';
import { policySummaryView } from '../island/views/summary.ts';
import { loadCatalog, loadServices, servicesNamed } from './catalog-client.ts';

export { catalogFindings } from './catalog-client.ts';

/** `null` while the text is not a policy (the findings say why). */
export async function summaryFor(
  text: string,
  kind: PolicyKind,
  lang: Lang,
): Promise<Element | null> {
  const catalog = await loadCatalog();
  const policy = parsePolicy(text, { kind });
  if (policy.document === null) return null;
  await loadServices(catalog, servicesNamed(catalog, policy));
  return policySummaryView(summarizePolicy(policy.document, catalog), lang, kind);
}
