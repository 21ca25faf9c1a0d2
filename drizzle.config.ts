import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: ['./src/db/schema.ts', './src/db/schema-auth.ts', './src/db/schema-messages.ts'],
  out: './src/db/migrations',
});
