// Writes content/scenarios/scenario.schema.json from the zod schema, so that editors offer
// completion in scenario.json files. test/unit/scenarios.test.ts fails when it is stale.
import { writeFileSync } from 'node:fs';
import { scenarioJsonSchemaText } from '../sandbox/scenario/json-schema.ts';

const target = new URL('../content/scenarios/scenario.schema.json', import.meta.url);
writeFileSync(target, scenarioJsonSchemaText());
console.log(`wrote ${target.pathname}`);
