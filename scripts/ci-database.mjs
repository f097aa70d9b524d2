#!/usr/bin/env node
// Creates, drops, or prints the URL of a throwaway PostgreSQL database for a CI run.
// Usage: ci-database.mjs create|drop|url <server-url> <database-name>
import pg from 'pg';

const [action, serverUrl, name] = process.argv.slice(2);
if (!['create', 'drop', 'url'].includes(action ?? '') || !serverUrl || !/^[a-z0-9_]+$/.test(name ?? '')) {
  console.error('usage: ci-database.mjs create|drop|url <postgres-server-url> <database_name>');
  process.exit(2);
}
const target = new URL(serverUrl);
target.pathname = `/${name}`;
if (action === 'url') {
  console.log(target.toString());
  process.exit(0);
}
const client = new pg.Client({ connectionString: serverUrl });
try {
  await client.connect();
} catch (error) {
  console.error(`Cannot reach the PostgreSQL server at ${serverUrl.replace(/:[^:@/]*@/, ':***@')}: ${error.message}`);
  process.exit(1);
}
try {
  if (action === 'create') await client.query(`CREATE DATABASE "${name}"`);
  else await client.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
  console.log(`${action === 'create' ? 'created' : 'dropped'} database ${name}`);
} finally {
  await client.end();
}
