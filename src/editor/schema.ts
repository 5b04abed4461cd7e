// A JSON Schema for IAM policy documents, built for one language, for Monaco's JSON mode:
// it gives completions with short docs and marks shapes AWS would reject. The engine's own
// findings stay the authority; this only catches typing mistakes early, as warnings.
// Grammar: https://docs.aws.amazon.com/IAM/latest/UserGuide/reference_policies_grammar.html
import type { Lang } from '../i18n/strings.ts';
import { BASE_OPERATORS } from '../../sandbox/policy/operators.ts';
import { CONDITION_OPERATORS } from './vocabulary.ts';

type Schema = Record<string, unknown>;

const DOCS = {
  version: {
    en: 'Policy language version; always use 2012-10-17 (policy variables need it).',
    ja: 'ポリシー言語のバージョン。常に 2012-10-17 を使う（ポリシー変数に必要）。',
  },
  statement: {
    en: 'One statement or a list of statements.',
    ja: 'ステートメント 1 つ、またはその配列。',
  },
  sid: { en: 'Optional statement ID.', ja: '省略できるステートメント ID。' },
  effect: {
    en: 'Allow or Deny; an explicit Deny always wins.',
    ja: 'Allow か Deny。明示的な Deny が常に優先される。',
  },
  principal: {
    en: 'Who the statement applies to (trust and resource policies only). An IAM group is never a principal.',
    ja: 'ステートメントの対象となるプリンシパル（信頼ポリシーとリソースベースのポリシーのみ）。IAM グループはプリンシパルにできない。',
  },
  aws: {
    en: 'An account ID or root ARN (delegates to that account’s admins), a user, role or session ARN.',
    ja: 'アカウント ID かルート ARN（そのアカウントの管理者に委ねる）、ユーザー・ロール・セッションの ARN。',
  },
  federated: {
    en: 'A SAML or OIDC provider ARN, or accounts.google.com, graph.facebook.com, www.amazon.com, cognito-identity.amazonaws.com.',
    ja: 'SAML / OIDC プロバイダーの ARN、または accounts.google.com などの IdP。',
  },
  service: {
    en: 'An AWS service, e.g. ec2.amazonaws.com.',
    ja: 'AWS サービス（例: ec2.amazonaws.com）。',
  },
  action: {
    en: 'Actions as service:Action; wildcards allowed.',
    ja: 'service:Action 形式の操作。ワイルドカード可。',
  },
  notAction: { en: 'Every action except these.', ja: 'これら以外のすべての操作。' },
  resource: { en: 'Resource ARNs; wildcards allowed.', ja: 'リソースの ARN。ワイルドカード可。' },
  condition: { en: 'Operator → condition key → values.', ja: '演算子 → 条件キー → 値。' },
} as const;

function stringOrList(items: Schema): Schema {
  return { anyOf: [items, { type: 'array', items, minItems: 1 }] };
}

export function policySchema(lang: Lang): Schema {
  // Which actions and keys exist is the catalog's to say (./catalog-features.ts); the schema
  // only checks their shape.
  const actionValue: Schema = {
    type: 'string',
    pattern: '^(\\*|[a-zA-Z0-9-]+:[A-Za-z0-9*?]+)$',
  };
  const keyMap: Schema = {
    type: 'object',
    additionalProperties: stringOrList({ type: ['string', 'boolean', 'number'] }),
  };
  const operatorProperties: Record<string, Schema> = {};
  // The engine's catalogue decides which operators exist; our table only adds the docs.
  for (const name of BASE_OPERATORS) {
    const doc = CONDITION_OPERATORS.find((o) => o.name === name)?.doc[lang];
    operatorProperties[name] = { ...(doc === undefined ? {} : { description: doc }), ...keyMap };
  }
  const names = BASE_OPERATORS.join('|');
  const principalValue = (doc: { en: string; ja: string }): Schema => ({
    description: doc[lang],
    ...stringOrList({ type: 'string' }),
  });
  const principal: Schema = {
    description: DOCS.principal[lang],
    anyOf: [
      { const: '*' },
      {
        type: 'object',
        properties: {
          AWS: principalValue(DOCS.aws),
          Federated: principalValue(DOCS.federated),
          Service: principalValue(DOCS.service),
          CanonicalUser: principalValue({
            en: 'An S3 canonical user ID.',
            ja: 'S3 の正規ユーザー ID。',
          }),
        },
        additionalProperties: false,
        minProperties: 1,
      },
    ],
  };
  const statement: Schema = {
    type: 'object',
    required: ['Effect'],
    properties: {
      Sid: { type: 'string', description: DOCS.sid[lang] },
      Effect: {
        description: DOCS.effect[lang],
        enum: ['Allow', 'Deny'],
      },
      Principal: principal,
      NotPrincipal: principal,
      Action: { description: DOCS.action[lang], ...stringOrList(actionValue) },
      NotAction: { description: DOCS.notAction[lang], ...stringOrList(actionValue) },
      Resource: { description: DOCS.resource[lang], ...stringOrList({ type: 'string' }) },
      NotResource: { description: DOCS.resource[lang], ...stringOrList({ type: 'string' }) },
      Condition: {
        description: DOCS.condition[lang],
        type: 'object',
        properties: operatorProperties,
        // The prefixed and IfExists forms of every operator (our own constant list, not user text).
        patternProperties: { [`^((ForAnyValue|ForAllValues):)?(${names})(IfExists)?$`]: keyMap },
        additionalProperties: false,
      },
    },
    additionalProperties: false,
  };
  return {
    type: 'object',
    required: ['Statement'],
    properties: {
      Version: { description: DOCS.version[lang], enum: ['2012-10-17', '2008-10-17'] },
      Id: { type: 'string' },
      Statement: {
        description: DOCS.statement[lang],
        anyOf: [statement, { type: 'array', items: statement }],
      },
    },
    additionalProperties: false,
  };
}
