import { fileURLToPath } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../support/database.ts';
import { actualShape, expectedShape, readDmmf } from '../../support/schema-drift.ts';

const schemaPath = fileURLToPath(new URL('../../../prisma/schema.prisma', import.meta.url));

describe('migrations match prisma/schema.prisma (no drift)', () => {
  let db: TestDatabase;
  beforeAll(async () => {
    // It changes the schema: a database of its own, not one handed on to the next file.
    db = await createTestDatabase({ shared: false });
  });
  afterAll(async () => {
    await db.destroy();
  });

  it('has every model, column, type, nullability, default, key, index, foreign key and enum', async () => {
    const expected = expectedShape(readDmmf(schemaPath));
    const actual = await actualShape(db.sql);
    expect(actual).toEqual(expected);
  });

  it('notices drift: a column the schema does not know, or a changed nullability', async () => {
    const expected = expectedShape(readDmmf(schemaPath));
    await db.sql.exec('ALTER TABLE "board" ADD COLUMN "stray" TEXT');
    await db.sql.exec('ALTER TABLE "member" ALTER COLUMN "title" SET NOT NULL');
    const actual = await actualShape(db.sql);
    expect(actual).not.toEqual(expected);
    expect(actual.tables.board?.stray).toBe('text');
    expect(actual.tables.member?.title).toBe('text not null');
    await db.sql.exec('ALTER TABLE "board" DROP COLUMN "stray"');
    await db.sql.exec('ALTER TABLE "member" ALTER COLUMN "title" DROP NOT NULL');
    expect(await actualShape(db.sql)).toEqual(expected);
  });

  it('the Prisma client reads and writes through the migrated tables', async () => {
    const board = await db.prisma.board.create({
      data: { slug: 'scpb', name: 'Safer Communities Partnership Board', quorum: 3 },
    });
    const police = await db.prisma.organisation.create({ data: { boardId: board.id, name: 'Metropolitan Police' } });
    const deputy = await db.prisma.member.create({
      data: { boardId: board.id, organisationId: police.id, name: 'Jane Deputy', title: 'Superintendent' },
    });
    await db.prisma.member.create({
      data: {
        boardId: board.id,
        organisationId: police.id,
        name: 'Richard Norfolk',
        title: 'Borough Commander',
        slackUserId: 'U123',
        standingDeputyId: deputy.id,
        roles: { create: { boardId: board.id, role: 'chair' } },
      },
    });
    const found = await db.prisma.member.findFirst({
      where: { slackUserId: 'U123' },
      include: { standingDeputy: true, roles: true, organisation: true },
    });
    expect(found?.standingDeputy?.name).toBe('Jane Deputy');
    expect(found?.roles.map((r) => r.role)).toEqual(['chair']);
    expect(found?.organisation?.name).toBe('Metropolitan Police');
    expect(board.timezone).toBe('Europe/London');
  });
});
