/** drizzle-kit settings for PostgreSQL: `npm run db:generate:pg` writes a migration from the tables postgres-schema.ts builds. */
import { defineConfig } from 'drizzle-kit';

export default defineConfig({
  dialect: 'postgresql',
  schema: './server/store/postgres-schema.ts',
  out: './server/store/migrations-pg',
});
