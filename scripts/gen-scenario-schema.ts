// Writes content/scenarios/scenario.schema.json from the zod schema, so that editors offer
// completion in scenario.json files. test/unit/scenarios.test.ts fails when it is stale.
// Formatted with Prettier so that `prettier --check .` stays clean.
import { writeFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { scenarioJsonSchemaText } from '../sandbox/scenario/json-schema.ts';

const target = new URL('../content/scenarios/scenario.schema.json', import.meta.url);
const options = (await prettier.resolveConfig(target.pathname)) ?? {};
const text = await prettier.format(scenarioJsonSchemaText(), {
  ...options,
  filepath: target.pathname,
});
writeFileSync(target, text);
console.log(`wrote ${target.pathname}`);
