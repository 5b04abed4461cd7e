// A batch of distinct request cases for `npm run bench`: every case has its own policies
// (names, ARNs and condition values carry the case's number), so no parse can be reused
// across cases, as in a trainer's file of many learners' answers. Same-account and
// cross-account requests, SCP levels, boundaries, conditions and wildcards, in rotation.
const ACTIONS = [
  's3:GetObject',
  's3:PutObject',
  's3:ListBucket',
  'sts:AssumeRole',
  'ec2:StartInstances',
];

function identityPolicy(i: number): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Sid: `Read${i}`,
        Effect: 'Allow',
        Action: ['s3:GetObject', 's3:List*', `s3:Put${i % 2 === 0 ? 'Object' : 'ObjectTagging'}`],
        Resource: [`arn:aws:s3:::bucket-${i}`, `arn:aws:s3:::bucket-${i}/*`],
        Condition: {
          StringEquals: { 'aws:PrincipalTag/team': `team-${i % 97}` },
          IpAddress: { 'aws:SourceIp': `10.${i % 256}.0.0/16` },
        },
      },
      {
        Sid: `Assume${i}`,
        Effect: 'Allow',
        Action: 'sts:AssumeRole',
        Resource: `arn:aws:iam::222222222222:role/role-${i}`,
      },
      {
        Sid: `Deny${i}`,
        Effect: 'Deny',
        Action: 'ec2:*',
        Resource: '*',
        Condition: { StringNotEquals: { 'aws:RequestedRegion': `eu-west-${(i % 3) + 1}` } },
      },
    ],
  };
}

function resourcePolicy(i: number): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::111111111111:user/user-${i}` },
        Action: ['s3:GetObject', 's3:PutObject'],
        Resource: `arn:aws:s3:::bucket-${i}/*`,
      },
    ],
  };
}

function trustPolicy(i: number): object {
  return {
    Version: '2012-10-17',
    Statement: [
      {
        Effect: 'Allow',
        Principal: { AWS: `arn:aws:iam::111111111111:user/user-${i}` },
        Action: 'sts:AssumeRole',
        Condition: { StringEquals: { 'sts:ExternalId': `external-${i}` } },
      },
    ],
  };
}

function scp(i: number): object {
  return {
    Version: '2012-10-17',
    Statement: [
      { Effect: 'Allow', Action: '*', Resource: '*' },
      {
        Effect: 'Deny',
        Action: ['s3:DeleteBucket', `s3:PutBucketPolicy`],
        Resource: `arn:aws:s3:::protected-${i}`,
      },
    ],
  };
}

function evalCase(i: number): object {
  const action = ACTIONS[i % ACTIONS.length] ?? 's3:GetObject';
  const cross = i % 2 === 1;
  const resource =
    action === 'sts:AssumeRole'
      ? `arn:aws:iam::222222222222:role/role-${i}`
      : action === 's3:ListBucket'
        ? `arn:aws:s3:::bucket-${i}`
        : action.startsWith('ec2:')
          ? `arn:aws:ec2:eu-west-1:111111111111:instance/i-${i}`
          : `arn:aws:s3:::bucket-${i}/key-${i}.txt`;
  return {
    id: `case-${i}`,
    request: {
      principal: `arn:aws:iam::111111111111:user/user-${i}`,
      action,
      resource,
      ...(cross ? { resourceAccount: '222222222222' } : {}),
      context: {
        'aws:PrincipalTag/team': `team-${i % 97}`,
        'aws:SourceIp': `10.${i % 256}.1.2`,
        'aws:RequestedRegion': 'eu-west-1',
        'sts:ExternalId': `external-${i}`,
      },
    },
    identityPolicies: [identityPolicy(i)],
    resourcePolicy: !cross
      ? null
      : action === 'sts:AssumeRole'
        ? trustPolicy(i)
        : resourcePolicy(i),
    scps: i % 4 === 0 ? [[scp(i)], [scp(i + 1)]] : [],
    permissionBoundary: i % 5 === 0 ? identityPolicy(i + 7) : null,
  };
}

/** `count` distinct cases as the JSON text `iamlab eval` reads. */
export function evalBatchText(count: number): string {
  const cases: object[] = [];
  for (let i = 0; i < count; i++) cases.push(evalCase(i));
  return JSON.stringify(cases);
}
