import 'reflect-metadata';
import { createAppDataSource } from './src/app/database';

/**
 * The DataSource for the TypeORM CLI (`npm run migration:run`). The application builds the same DataSource in
 * src/main.ts (with an embedded PostgreSQL when DATABASE_URL is unset).
 */
const url = process.env.DATABASE_URL;
if (!url) throw new Error('Set DATABASE_URL to run TypeORM CLI commands.');

export default createAppDataSource({ url });
