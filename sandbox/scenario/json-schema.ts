// The JSON Schema text for scenario.json, shared by the generator script and the staleness test.
import * as z from 'zod';
import { scenarioSchema } from './schema.ts';

export function scenarioJsonSchemaText(): string {
  const schema = z.toJSONSchema(scenarioSchema, { target: 'draft-2020-12' });
  return `${JSON.stringify(schema, null, 2)}\n`;
}
