// Every script must run on the Node 22 that the `node` devDependency installs: Astro 7,
// Vitest 5 and Starlight need >= 22.12, and a skipped preinstall would silently fall back
// to the machine's older Node. Fail loudly instead.
const major = Number(process.versions.node.split('.')[0]);
if (major !== 22) {
  console.error(
    `iamlab: npm scripts are running on Node ${process.version}, expected v22 from the "node" devDependency; run \`npm ci\` again (install scripts must be allowed)`,
  );
  process.exit(1);
}
console.log(`node ${process.version}`);
