import { IdempotencyModule } from '../../src/idempotency/idempotency.module';
import { AccessModule } from '../../src/access/access.module';
import { RequestsReadModule } from '../../src/requests/requests.read-models';
import { FundsReadModule } from '../../src/funds/funds.read-models';
import { TestingModule, Test } from '@nestjs/testing';
import { randomUUID } from 'node:crypto';
import { DataSource } from 'typeorm';
import { CommonModule } from '../../src/common/common.module';
import { DomainError } from '../../src/common/domain-error';
import { ConfigModule } from '../../src/config/config.module';
import { loadConfig } from '../../src/config/env';
import { BarriersService } from '../../src/cost-comparison/barriers.service';
import { CostComparisonModule } from '../../src/cost-comparison/cost-comparison.module';
import { ComparisonSubject, CostComparisonService, PricedCostLine } from '../../src/cost-comparison/cost-comparison.service';
import { CostItemFields, CostItemsService } from '../../src/cost-comparison/cost-items.service';
import { DatabaseModule } from '../../src/database/database.module';
import { RequestCostLineEntity } from '../../src/requests/request.entities';
import { createTestDatabase, TestDatabase } from '../support/database';

describe('CostComparisonService and the catalogue on a migrated database', () => {
  let db: TestDatabase;
  let moduleRef: TestingModule;
  let comparisons: CostComparisonService;
  let catalogue: CostItemsService;
  let dataSource: DataSource;

  beforeAll(async () => {
    db = await createTestDatabase();
    moduleRef = await Test.createTestingModule({
      imports: [
        ConfigModule.forRoot(loadConfig({} as NodeJS.ProcessEnv)),
        CommonModule,
        DatabaseModule.forRoot(db.url),
        AccessModule,
        IdempotencyModule,
        RequestsReadModule,
        FundsReadModule,
        CostComparisonModule,
      ],
    }).compile();
    comparisons = moduleRef.get(CostComparisonService);
    catalogue = moduleRef.get(CostItemsService);
    dataSource = moduleRef.get(DataSource);
  });

  afterAll(async () => {
    await moduleRef?.close();
    await db?.drop();
  });

  /** Store priced lines as the request service does and read them back, so numerics round-trip through PostgreSQL. */
  async function storeLines(priced: PricedCostLine[]): Promise<RequestCostLineEntity[]> {
    const repo = dataSource.getRepository(RequestCostLineEntity);
    const requestId = randomUUID();
    await repo.save(priced.map((line) => repo.create({ ...line, requestId })));
    return repo.find({ where: { requestId }, order: { position: 'ASC' } });
  }

  /** Every SQL statement TypeORM sends while `work` runs (the logger sees all of them, logging on or off). */
  async function countQueries<T>(work: () => Promise<T>): Promise<{ result: T; queries: string[] }> {
    const queries: string[] = [];
    const spy = jest.spyOn(dataSource.logger, 'logQuery').mockImplementation((sql: string) => {
      queries.push(sql);
    });
    try {
      return { result: await work(), queries };
    } finally {
      spy.mockRestore();
    }
  }

  async function expectInvalidField(promise: Promise<unknown>, location: string, detail: RegExp): Promise<void> {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(DomainError);
    const domainError = error as DomainError;
    expect(domainError.kind).toBe('invalid');
    expect(domainError.errors).toEqual([expect.objectContaining({ location })]);
    expect(domainError.errors[0].detail).toMatch(detail);
    expect(domainError.message).toContain(location.slice(2).replace(/\//g, '.'));
  }

  describe('the seeded catalogue', () => {
    it('holds version 1 of all 33 shipped items after the migrations', async () => {
      const items = await catalogue.list();
      expect(items).toHaveLength(33);
      expect(new Set(items.map((i) => i.version))).toEqual(new Set([1]));
      const detention = items.find((i) => i.key === 'detention_day');
      expect(detention).toMatchObject({ labelNl: expect.stringContaining('Dag detentie'), priceYear: 2013, bearerKey: 'justice' });
      expect(detention?.amount.toFixed(2)).toBe('262.00');
      const meeting = items.find((i) => i.key === 'case_meeting');
      expect(meeting?.priceYear).toBeNull();
      expect(meeting?.amount.toFixed(2)).toBe('1500.00');
    });

    it('lists the ten active barrier tags in their configured order', async () => {
      const tags = await moduleRef.get(BarriersService).listActive();
      expect(tags.map((t) => t.key)).toEqual([
        'waiting_list', 'no_suitable_housing', 'benefit_stopped', 'debts', 'rules_protocol',
        'no_fitting_provision', 'eligibility', 'funding_split', 'privacy_information', 'other',
      ]);
      expect(tags[7]).toMatchObject({ labelNl: 'Financiering versnipperd (verkeerde portemonnee)' });
    });

    it('refuses an unknown barrier tag naming its position in the list', async () => {
      await expectInvalidField(moduleRef.get(BarriersService).assertActive(['debts', 'bad_luck']), '#/barriers/1', /bad_luck/);
    });
  });

  describe('the canonical case: a rail pass of 3000.00 instead of detention', () => {
    it('prices the route for 2026 and compares it with the literal figures of the pure core', async () => {
      const priced = await comparisons.priceRoute(
        [
          { costItemKey: 'detention_day', quantity: '365', probability: '0.5', note: 'boetes lopen op tot detentie' },
          { costItemKey: 'case_meeting', quantity: '6', probability: '1' },
        ],
        2026,
      );
      expect(priced.map((l) => [l.position, l.costItemKey, l.unitAmount.toFixed(2), l.unindexed])).toEqual([
        [0, 'detention_day', '358.10', false],
        [1, 'case_meeting', '1500.00', true],
      ]);

      const lines = await storeLines(priced);
      const comparison = await comparisons.compare({ maatwerkCost: '3000.00', priceYear: 2026, lines });

      expect(comparison.lines.map((l) => [l.costItemKey, l.costItemVersion, l.unitAmount, l.quantity, l.probability, l.expected])).toEqual([
        ['detention_day', 1, '358.10', '365', '0.5', '65353.25'],
        ['case_meeting', 1, '1500.00', '6', '1', '9000.00'],
      ]);
      expect(comparison.lines[0].note).toBe('boetes lopen op tot detentie');
      expect(comparison.avoidedCost).toEqual({ low: '55764.94', central: '74353.25', high: '92941.56' });
      expect(comparison.maatwerkCost).toBe('3000.00');
      expect(comparison.netBenefit).toBe('71353.25');
      expect(comparison.ratio).toBe('24.78');
      expect(comparison.byBearer.map((b) => [b.bearer, b.bearerLabel, b.central])).toEqual([
        ['justice', 'Justitie (DJI)', '65353.25'],
        ['municipality', 'Gemeente', '9000.00'],
      ]);
      expect(comparison.priceNotes).toEqual([
        'CPI bekend t/m 2025; prijspeil 2026 benaderd met 2025',
        'Geen prijsjaar bekend; bedrag ongewijzigd gebruikt als prijspeil 2026 (niet geïndexeerd)',
      ]);
    });

    it('gives the same figures with English labels and notes for locale en', async () => {
      const lines = await storeLines(
        await comparisons.priceRoute([{ costItemKey: 'detention_day', quantity: '365', probability: '0.5' }], 2026),
      );
      const comparison = await comparisons.compare({ maatwerkCost: '3000.00', priceYear: 2026, lines }, 'en');
      expect(comparison.lines[0]).toMatchObject({ label: 'Prison day, adult (average cost)', bearerLabel: 'Justice', expected: '65353.25' });
      expect(comparison.priceNotes).toEqual(['CPI known up to 2025; price level 2026 approximated by 2025']);
    });

    it('checks the follow-up against the estimate and aggregates per bearer', async () => {
      const lines = await storeLines(
        await comparisons.priceRoute(
          [
            { costItemKey: 'detention_day', quantity: '365', probability: '0.5' },
            { costItemKey: 'case_meeting', quantity: '6', probability: '1' },
          ],
          2026,
        ),
      );
      const comparison = await comparisons.compare({ maatwerkCost: '3000.00', priceYear: 2026, lines });
      const realised = comparisons.realised(comparison, {
        lines: [
          { costItemKey: 'detention_day', happened: 'no' },
          { costItemKey: 'case_meeting', happened: 'yes' },
        ],
      });
      expect(realised).toMatchObject({ estimated: '74353.25', realised: '130706.50', difference: '56353.25' });
      expect(() => comparisons.realised(comparison, { lines: [{ costItemKey: 'detention_day', happened: 'no' }] })).toThrow(
        DomainError,
      );

      const aggregate = comparisons.aggregate([
        { comparison, lifeDomain: 'safety', organisationId: 'org-a', caseId: 'case-1', maatwerkCost: '3000.00' },
        { comparison, lifeDomain: 'safety', organisationId: 'org-a', caseId: 'case-1', maatwerkCost: '3000.00' },
      ]);
      expect(aggregate.totals).toMatchObject({ requests: 2, maatwerk: '6000.00', netBenefit: '142706.50', ratio: '24.78' });
      expect(aggregate.byBearer.map((b) => [b.bearer, b.central])).toEqual([
        ['justice', '130706.50'],
        ['municipality', '18000.00'],
      ]);
    });
  });

  describe('catalogue versions', () => {
    it('keeps version 1 in a comparison priced before an admin changed the item to version 2', async () => {
      const before = await storeLines(
        await comparisons.priceRoute([{ costItemKey: 'police_e33_incident', quantity: '4', probability: '0.25' }], 2026),
      );
      expect(before[0].unitAmount.toFixed(2)).toBe('298.78');

      const v2 = await catalogue.update('police_e33_incident', { amount: '300.00', priceYear: 2025 }, null);
      expect(v2.version).toBe(2);
      expect(v2.amount.toFixed(2)).toBe('300.00');

      const history = (await catalogue.list(true)).filter((i) => i.key === 'police_e33_incident');
      expect(history.map((i) => [i.version, i.amount.toFixed(2), i.supersededAt === null])).toEqual([
        [1, '280.00', false],
        [2, '300.00', true],
      ]);
      expect((await catalogue.list()).filter((i) => i.key === 'police_e33_incident').map((i) => i.version)).toEqual([2]);

      const old = await comparisons.compare({ maatwerkCost: '100.00', priceYear: 2026, lines: before });
      expect(old.lines[0]).toMatchObject({
        costItemVersion: 1,
        sourceAmount: '280.00',
        sourceYear: 2023,
        unitAmount: '298.78',
        expected: '298.78',
      });

      const after = await comparisons.priceRoute([{ costItemKey: 'police_e33_incident', quantity: '4', probability: '0.25' }], 2026);
      expect(after[0].costItemId).toBe(v2.id);
      expect(after[0].unitAmount.toFixed(2)).toBe('300.00');
    });

    it('does not make a new version when nothing changes', async () => {
      const current = (await catalogue.list()).find((i) => i.key === 'gp_consult');
      const same = await catalogue.update('gp_consult', { amount: '30.87' }, null);
      expect(same.id).toBe(current?.id);
      expect(same.version).toBe(1);
    });

    it('resets the bearer label to the generic one when the bearer changes without a label', async () => {
      const v2 = await catalogue.update('detention_day_juvenile', { bearerKey: 'municipality' }, null);
      expect(v2).toMatchObject({ version: 2, bearerKey: 'municipality', bearerLabelNl: 'Gemeente' });
    });

    it('creates a new key as version 1 and refuses the same key twice', async () => {
      const fields: CostItemFields = {
        labelNl: 'Nacht in de nachtopvang',
        labelEn: 'Night shelter night',
        unit: 'per nacht',
        amount: '55.00',
        priceYear: 2025,
        bearerKey: 'municipality',
        kind: 'fiscal',
        confidence: 'low',
        source: 'tarief nachtopvang, eigen schatting',
      };
      const created = await catalogue.create('night_shelter_night', fields, null);
      expect(created).toMatchObject({ version: 1, bearerLabelNl: 'Gemeente', confidenceNote: '', url: null });
      await expect(catalogue.create('night_shelter_night', fields, null)).rejects.toMatchObject({
        kind: 'conflict',
        code: 'COST_ITEM.KEY_EXISTS',
      });
      await expect(catalogue.create('X', fields, null)).rejects.toMatchObject({ kind: 'invalid', message: expect.stringMatching(/^key: /) });
    });

    it('answers not found for a change to an unknown key', async () => {
      await expect(catalogue.update('no_such_item', { amount: '1.00' }, null)).rejects.toMatchObject({ kind: 'not_found' });
    });
  });

  describe('route validation', () => {
    it('rejects an unknown cost item naming the field', async () => {
      await expectInvalidField(
        comparisons.priceRoute(
          [
            { costItemKey: 'detention_day', quantity: '1', probability: '1' },
            { costItemKey: 'tea_with_the_mayor', quantity: '1', probability: '1' },
          ],
          2026,
        ),
        '#/conventionalRoute/1/costItemKey',
        /unknown cost item "tea_with_the_mayor"/,
      );
    });

    it('rejects a quantity of zero, above 100000 or with three decimals', async () => {
      for (const quantity of ['0', '100000.01', '1.005', '-1', 'veel']) {
        await expectInvalidField(
          comparisons.priceRoute([{ costItemKey: 'detention_day', quantity, probability: '1' }], 2026),
          '#/conventionalRoute/0/quantity',
          /above 0 and at most 100000/,
        );
      }
    });

    it('rejects a probability outside 0..1', async () => {
      for (const probability of ['1.5', '-0.1', '0.12345', '50%']) {
        await expectInvalidField(
          comparisons.priceRoute([{ costItemKey: 'detention_day', quantity: '1', probability }], 2026),
          '#/conventionalRoute/0/probability',
          /from 0 to 1/,
        );
      }
    });

    it('accepts the boundaries 0 and 1 for probability and 100000 for quantity', async () => {
      const priced = await comparisons.priceRoute(
        [
          { costItemKey: 'case_meeting', quantity: '100000', probability: '0' },
          { costItemKey: 'case_meeting', quantity: '0.5', probability: '1.0' },
        ],
        2026,
      );
      expect(priced.map((l) => [l.quantity.toFixed(), l.probability.toFixed()])).toEqual([
        ['100000', '0'],
        ['0.5', '1'],
      ]);
    });
  });

  describe('compareMany', () => {
    it('loads the catalogue versions of 50 requests with a single query', async () => {
      const keys = ['detention_day', 'case_meeting', 'seh_visit', 'police_hour_agent', 'ggz_clinical_day'];
      const subjects: ComparisonSubject[] = [];
      for (let i = 0; i < 50; i++) {
        const route = [
          { costItemKey: keys[i % keys.length], quantity: String(i + 1), probability: '0.5' },
          { costItemKey: keys[(i + 2) % keys.length], quantity: '2', probability: '1' },
        ];
        subjects.push({ maatwerkCost: `${1000 + i}.00`, priceYear: 2026, lines: await storeLines(await comparisons.priceRoute(route, 2026)) });
      }

      const { result: many, queries } = await countQueries(() => comparisons.compareMany(subjects));
      expect(queries).toHaveLength(1);
      expect(queries[0]).toMatch(/FROM "cost_items"/);

      expect(many).toHaveLength(50);
      for (const [i, subject] of subjects.entries()) {
        expect(many[i]).toEqual(await comparisons.compare(subject));
      }
      expect(many[0].lines.map((l) => [l.costItemKey, l.expected])).toEqual([
        ['detention_day', '179.05'],
        ['seh_visit', '571.54'],
      ]);
    });

    it('does not query at all for requests without a conventional route', async () => {
      const { result, queries } = await countQueries(() =>
        comparisons.compareMany([{ maatwerkCost: '250.00', priceYear: 2026, lines: [] }]),
      );
      expect(result[0]).toMatchObject({ avoidedCost: { low: '0.00', central: '0.00', high: '0.00' }, netBenefit: '-250.00', ratio: '0.00' });
      expect(queries).toEqual([]);
    });
  });
});
