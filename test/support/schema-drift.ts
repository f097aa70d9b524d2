// Compares a migrated database with prisma/schema.prisma: every model's table, every column's
// type, nullability and database default, primary keys, unique constraints, indexes, foreign
// keys (with their ON DELETE action) and enums. The schema side comes from Prisma's own
// parser (the DMMF, through @prisma/prisma-schema-wasm); the database side from the catalogue.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { SqlSession } from '../../src/persistence/sql.ts';

const require = createRequire(import.meta.url);
const wasm = require('@prisma/prisma-schema-wasm') as { get_dmmf(params: string): string };

interface DmmfField {
  name: string;
  dbName?: string | null;
  kind: 'scalar' | 'enum' | 'object' | 'unsupported';
  type: string;
  isRequired: boolean;
  isList: boolean;
  isUpdatedAt: boolean;
  hasDefaultValue: boolean;
  default?: unknown;
  nativeType?: [string, string[]] | null;
  relationName?: string;
  relationFromFields?: string[];
  relationToFields?: string[];
  relationOnDelete?: string;
}
interface DmmfModel {
  name: string;
  dbName: string | null;
  fields: DmmfField[];
}
interface DmmfIndex {
  model: string;
  type: 'id' | 'unique' | 'normal' | 'fulltext';
  fields: { name: string }[];
}
interface Dmmf {
  datamodel: {
    models: DmmfModel[];
    enums: { name: string; dbName: string | null; values: { name: string; dbName: string | null }[] }[];
    indexes: DmmfIndex[];
  };
}

export function readDmmf(schemaPath: string): Dmmf {
  const schema = readFileSync(schemaPath, 'utf8');
  return JSON.parse(wasm.get_dmmf(JSON.stringify({ prismaSchema: [['schema.prisma', schema]] }))) as Dmmf;
}

/** What the schema says the database should hold, in a form comparable with the catalogue. */
export interface Shape {
  tables: Record<string, Record<string, string>>; // table -> column -> "type not null default?"
  primaryKeys: string[]; // "table(col,col)"
  uniques: string[];
  indexes: string[];
  foreignKeys: string[]; // "table(cols) -> table(cols) on delete X"
  enums: Record<string, string[]>;
}

const scalarTypes: Record<string, string> = {
  String: 'text',
  Int: 'integer',
  BigInt: 'bigint',
  Boolean: 'boolean',
  Float: 'double precision',
  Decimal: 'numeric(65,30)',
  DateTime: 'timestamp(3) without time zone',
  Json: 'jsonb',
  Bytes: 'bytea',
};

function columnType(field: DmmfField, enumDbName: (name: string) => string): string {
  if (field.kind === 'enum') return enumDbName(field.type);
  const native = field.nativeType;
  if (native) {
    const [name, args] = native;
    switch (name) {
      case 'Uuid':
        return 'uuid';
      case 'Timestamptz':
        return `timestamp(${args[0] ?? 6}) with time zone`;
      case 'Timestamp':
        return `timestamp(${args[0] ?? 6}) without time zone`;
      case 'VarChar':
        return args[0] ? `character varying(${args[0]})` : 'character varying';
      case 'Text':
        return 'text';
      case 'Date':
        return 'date';
      case 'Decimal':
        return `numeric(${args.join(',')})`;
      case 'SmallInt':
        return 'smallint';
      case 'JsonB':
        return 'jsonb';
      default:
        throw new Error(`schema-drift: native type @db.${name} is not mapped yet; add it here`);
    }
  }
  const type = scalarTypes[field.type];
  if (!type) throw new Error(`schema-drift: scalar type ${field.type} is not mapped yet; add it here`);
  return type;
}

/** Whether the field's default lives in the database (literals, now(), autoincrement). */
function hasDatabaseDefault(field: DmmfField): boolean {
  if (!field.hasDefaultValue) return false;
  const value = field.default;
  if (value && typeof value === 'object' && 'name' in value) {
    return ['now', 'autoincrement', 'dbgenerated', 'sequence'].includes((value as { name: string }).name);
  }
  return true;
}

export function expectedShape(dmmf: Dmmf): Shape {
  const enumDbName = (name: string) => {
    const found = dmmf.datamodel.enums.find((e) => e.name === name);
    return found?.dbName ?? name;
  };
  const tableOf = (modelName: string) => {
    const model = dmmf.datamodel.models.find((m) => m.name === modelName);
    if (!model) throw new Error(`unknown model ${modelName}`);
    return model.dbName ?? model.name;
  };
  const columnOf = (modelName: string, fieldName: string) => {
    const model = dmmf.datamodel.models.find((m) => m.name === modelName);
    const field = model?.fields.find((f) => f.name === fieldName);
    if (!field) throw new Error(`unknown field ${modelName}.${fieldName}`);
    return field.dbName ?? field.name;
  };

  const shape: Shape = { tables: {}, primaryKeys: [], uniques: [], indexes: [], foreignKeys: [], enums: {} };
  for (const model of dmmf.datamodel.models) {
    const table = model.dbName ?? model.name;
    const columns: Record<string, string> = {};
    for (const field of model.fields) {
      if (field.kind === 'object') {
        if (field.relationFromFields && field.relationFromFields.length > 0) {
          const from = field.relationFromFields.map((f) => columnOf(model.name, f));
          const to = (field.relationToFields ?? []).map((f) => columnOf(field.type, f));
          const onDelete = field.relationOnDelete ?? (field.isRequired ? 'Restrict' : 'SetNull');
          shape.foreignKeys.push(`${table}(${from.join(',')}) -> ${tableOf(field.type)}(${to.join(',')}) on delete ${onDelete}`);
        }
        continue;
      }
      const type = columnType(field, enumDbName) + (field.isList ? '[]' : '');
      columns[field.dbName ?? field.name] =
        // Prisma creates scalar-list columns nullable (a list cannot be optional in the schema).
        `${type}${field.isRequired && !field.isList ? ' not null' : ''}${hasDatabaseDefault(field) ? ' default' : ''}`;
    }
    shape.tables[table] = columns;
  }
  for (const index of dmmf.datamodel.indexes) {
    const table = tableOf(index.model);
    const key = `${table}(${index.fields.map((f) => columnOf(index.model, f.name)).join(',')})`;
    if (index.type === 'id') shape.primaryKeys.push(key);
    else if (index.type === 'unique') shape.uniques.push(key);
    else if (index.type === 'normal') shape.indexes.push(key);
  }
  for (const e of dmmf.datamodel.enums) {
    shape.enums[e.dbName ?? e.name] = e.values.map((v) => v.dbName ?? v.name);
  }
  return sortShape(shape);
}

const onDeleteNames: Record<string, string> = {
  a: 'NoAction',
  r: 'Restrict',
  c: 'Cascade',
  n: 'SetNull',
  d: 'SetDefault',
};

/** What the database in the session's current schema actually holds. */
export async function actualShape(db: SqlSession, ignoreTables: string[] = ['_prisma_migrations']): Promise<Shape> {
  const shape: Shape = { tables: {}, primaryKeys: [], uniques: [], indexes: [], foreignKeys: [], enums: {} };
  const columns = await db.query<{ table: string; column: string; type: string; not_null: boolean; has_default: boolean }>(
    `SELECT c.relname AS table, a.attname AS column,
            format_type(a.atttypid, a.atttypmod) AS type,
            a.attnotnull AS not_null, a.atthasdef AS has_default
       FROM pg_attribute a
       JOIN pg_class c ON c.oid = a.attrelid
       JOIN pg_namespace n ON n.oid = c.relnamespace
      WHERE n.nspname = current_schema() AND c.relkind = 'r' AND a.attnum > 0 AND NOT a.attisdropped
      ORDER BY c.relname, a.attnum`,
  );
  for (const col of columns) {
    if (ignoreTables.includes(col.table)) continue;
    const type = col.type.replace(/^"(.*)"$/, '$1').replace(/^timestamp with time zone$/, 'timestamp(6) with time zone');
    (shape.tables[col.table] ??= {})[col.column] =
      `${type}${col.not_null ? ' not null' : ''}${col.has_default ? ' default' : ''}`;
  }
  const indexes = await db.query<{ table: string; columns: string[] | string; is_primary: boolean; is_unique: boolean }>(
    `SELECT t.relname AS table, i.indisprimary AS is_primary, i.indisunique AS is_unique,
            array_agg(a.attname ORDER BY k.ordinality) AS columns
       FROM pg_index i
       JOIN pg_class t ON t.oid = i.indrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
       JOIN LATERAL unnest(i.indkey) WITH ORDINALITY AS k(attnum, ordinality) ON true
       JOIN pg_attribute a ON a.attrelid = t.oid AND a.attnum = k.attnum
      WHERE n.nspname = current_schema()
      GROUP BY t.relname, i.indexrelid, i.indisprimary, i.indisunique`,
  );
  for (const index of indexes) {
    if (ignoreTables.includes(index.table)) continue;
    const key = `${index.table}(${pgArray(index.columns).join(',')})`;
    if (index.is_primary) shape.primaryKeys.push(key);
    else if (index.is_unique) shape.uniques.push(key);
    else shape.indexes.push(key);
  }
  const fks = await db.query<{ table: string; columns: string[] | string; target: string; target_columns: string[] | string; on_delete: string }>(
    `SELECT t.relname AS table, ft.relname AS target, con.confdeltype AS on_delete,
            ARRAY(SELECT a.attname FROM unnest(con.conkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = con.conrelid AND a.attnum = k.n ORDER BY k.o) AS columns,
            ARRAY(SELECT a.attname FROM unnest(con.confkey) WITH ORDINALITY k(n, o)
                  JOIN pg_attribute a ON a.attrelid = con.confrelid AND a.attnum = k.n ORDER BY k.o) AS target_columns
       FROM pg_constraint con
       JOIN pg_class t ON t.oid = con.conrelid
       JOIN pg_class ft ON ft.oid = con.confrelid
       JOIN pg_namespace n ON n.oid = t.relnamespace
      WHERE con.contype = 'f' AND n.nspname = current_schema()`,
  );
  for (const fk of fks) {
    shape.foreignKeys.push(
      `${fk.table}(${pgArray(fk.columns).join(',')}) -> ${fk.target}(${pgArray(fk.target_columns).join(',')}) on delete ${onDeleteNames[fk.on_delete] ?? fk.on_delete}`,
    );
  }
  const enums = await db.query<{ name: string; value: string }>(
    `SELECT t.typname AS name, e.enumlabel AS value
       FROM pg_type t JOIN pg_enum e ON e.enumtypid = t.oid
       JOIN pg_namespace n ON n.oid = t.typnamespace
      WHERE n.nspname = current_schema()
      ORDER BY t.typname, e.enumsortorder`,
  );
  for (const row of enums) (shape.enums[row.name] ??= []).push(row.value);
  return sortShape(shape);
}

/** node-postgres parses name[] into arrays; PGlite may hand back the text form "{a,b}". */
function pgArray(value: string[] | string): string[] {
  if (Array.isArray(value)) return value;
  return value.replace(/^\{|\}$/g, '').split(',').filter(Boolean).map((v) => v.replace(/^"(.*)"$/, '$1'));
}

function sortShape(shape: Shape): Shape {
  return {
    tables: Object.fromEntries(Object.entries(shape.tables).sort(([a], [b]) => a.localeCompare(b))),
    primaryKeys: [...shape.primaryKeys].sort(),
    uniques: [...shape.uniques].sort(),
    indexes: [...shape.indexes].sort(),
    foreignKeys: [...shape.foreignKeys].sort(),
    enums: Object.fromEntries(Object.entries(shape.enums).sort(([a], [b]) => a.localeCompare(b))),
  };
}
