// The policy summary beside the editor (Monaco or the plain text box), like the IAM
// console's: per service the access levels granted, on which resources, under which
// conditions, and what each wildcard matches.
// Reached only through a dynamic import once editing starts (`loadCatalogAids` in ./load.ts),
// with the catalog it needs; it also hands the policy panel the catalog's findings.
import type { ParsedPolicy } from '../../sandbox/policy/types.ts';
import { summarizePolicy } from '../../sandbox/catalog/summary.ts';
import type { Element } from '../dom/tree.ts';
import type { Lang } from '../i18n/strings.ts';
import { policySummaryView } from '../island/views/summary.ts';
import { loadCatalog, loadServices, servicesNamed } from './catalog-client.ts';

export { catalogFindings } from './catalog-client.ts';

/** The summary of the panel's own parse; `null` while it is not a policy (the findings say why). */
export async function summaryFor(policy: ParsedPolicy, lang: Lang): Promise<Element | null> {
  if (policy.document === null) return null;
  const catalog = await loadCatalog();
  await loadServices(catalog, servicesNamed(catalog, policy));
  return policySummaryView(summarizePolicy(policy.document, catalog), lang, policy.kind);
}
