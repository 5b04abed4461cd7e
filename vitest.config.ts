import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['sandbox/**/*.test.ts', 'test/unit/**/*.test.ts', 'src/**/*.test.ts'],
    environment: 'node',
  },
});
