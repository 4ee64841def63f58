import { startTestApp, TestApp } from '../support/app';

const ADMIN = 'admin@demo.local';
const PROFESSIONAL = 'professional@demo.local';

const newItem = {
  key: 'night_shelter_night',
  label: 'Nacht in de nachtopvang',
  labelEn: 'Night shelter night',
  unit: 'per nacht',
  amount: '55.00',
  priceYear: 2025,
  bearer: 'municipality',
  kind: 'fiscal',
  confidence: 'low',
  source: 'Tarief nachtopvang, eigen schatting',
};

describe('the unit-cost catalogue and barrier tags over HTTP', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await startTestApp();
  });
  afterAll(async () => {
    await t.close();
  });

  it('lists the 33 current catalogue items to any logged-in user, money as strings', async () => {
    const res = await t.api('GET', '/api/v1/cost-items', { as: PROFESSIONAL });
    expect(res.status).toBe(200);
    expect(res.body.next).toBeNull();
    expect(res.body.items).toHaveLength(33);
    expect(res.body.items.find((i: { key: string }) => i.key === 'detention_day')).toEqual({
      key: 'detention_day',
      version: 1,
      label: 'Dag detentie volwassene (gevangeniswezen, gemiddelde kostprijs)',
      labelEn: 'Prison day, adult (average cost)',
      unit: 'per dag',
      amount: '262.00',
      year: 2013,
      bearer: 'justice',
      bearerLabel: 'Justitie (DJI)',
      kind: 'fiscal',
      budgetEffect: 'capacity',
      confidence: 'medium',
      confidenceNote: 'medium (official figure, second-hand, dated; uprate with CPI)',
      source: expect.stringContaining('DJI'),
      url: expect.stringMatching(/^https:\/\/www\.nrc\.nl\//),
      supersededAt: null,
    });
    expect(res.body.items.find((i: { key: string }) => i.key === 'case_meeting')).toMatchObject({ amount: '1500.00', year: null });
  });

  it('classifies the societal cost of an eviction as societal, borne by society, freeing no budget', async () => {
    const res = await t.api('GET', '/api/v1/cost-items', { as: PROFESSIONAL });
    expect(res.body.items.find((i: { key: string }) => i.key === 'eviction_societal')).toMatchObject({
      amount: '6000.00', kind: 'societal', bearer: 'society', bearerLabel: 'Samenleving', budgetEffect: 'none',
    });
  });

  it('says per item whether avoiding it frees cash or only capacity', async () => {
    const res = await t.api('GET', '/api/v1/cost-items', { as: PROFESSIONAL });
    const effect = (key: string) => res.body.items.find((i: { key: string }) => i.key === key).budgetEffect;
    expect(['ggz_clinical_day', 'police_hour_agent', 'case_meeting', 'wmo_ib_basis_hour', 'crime_assault'].map(effect)).toEqual([
      'cash', 'capacity', 'capacity', 'cash', 'none',
    ]);
  });

  it('refuses the catalogue without a token', async () => {
    expect((await t.api('GET', '/api/v1/cost-items')).status).toBe(401);
  });

  it('lists the active barrier tags with Dutch and English labels', async () => {
    const res = await t.api('GET', '/api/v1/barriers', { as: PROFESSIONAL });
    expect(res.status).toBe(200);
    expect(res.body.items).toHaveLength(10);
    expect(res.body.items[0]).toEqual({ key: 'waiting_list', label: 'Wachtlijst', labelEn: 'Waiting list' });
  });

  it('lets an admin add an item, which then appears in the list as version 1', async () => {
    const res = await t.api('POST', '/api/v1/cost-items', { as: ADMIN, body: newItem });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({
      key: 'night_shelter_night',
      version: 1,
      amount: '55.00',
      year: 2025,
      bearer: 'municipality',
      bearerLabel: 'Gemeente',
      confidenceNote: '',
      url: null,
    });
    const list = await t.api('GET', '/api/v1/cost-items', { as: PROFESSIONAL });
    expect(list.body.items).toHaveLength(34);
  });

  it('answers 409 for a key that already exists', async () => {
    const res = await t.api('POST', '/api/v1/cost-items', { as: ADMIN, body: { ...newItem, key: 'detention_day' } });
    expect(res.status).toBe(409);
    expect(res.body.detail).toContain('detention_day');
  });

  it('refuses a professional with 403', async () => {
    const post = await t.api('POST', '/api/v1/cost-items', { as: PROFESSIONAL, body: { ...newItem, key: 'sneaky_item' } });
    expect(post.status).toBe(403);
    const patch = await t.api('PATCH', '/api/v1/cost-items/detention_day', { as: PROFESSIONAL, body: { amount: '1.00' } });
    expect(patch.status).toBe(403);
  });

  it('answers 400 naming the field for a JSON number as amount', async () => {
    const res = await t.api('POST', '/api/v1/cost-items', { as: ADMIN, body: { ...newItem, key: 'number_amount', amount: 55 } });
    expect(res.status).toBe(400);
    expect(res.headers.get('content-type')).toContain('application/problem+json');
    expect(res.body.detail).toContain('amount');
    expect(res.body.errors[0]).toMatchObject({ location: '#/amount' });
  });

  it('answers 400 naming the field for a bad key, bearer or price year', async () => {
    for (const [field, value] of [
      ['key', 'Detention Day'],
      ['bearer', 'the_neighbours'],
      ['priceYear', 1850],
      ['priceYear', '2024'],
      ['kind', 'emotional'],
    ] as const) {
      const res = await t.api('POST', '/api/v1/cost-items', { as: ADMIN, body: { ...newItem, key: 'valid_key', [field]: value } });
      expect(res.status).toBe(400);
      expect(res.body.errors[0]).toMatchObject({ location: `#/${field}` });
    }
  });

  it('makes a new version on PATCH and keeps the old one in the history', async () => {
    const res = await t.api('PATCH', '/api/v1/cost-items/seh_visit', { as: ADMIN, body: { amount: '275.00', priceYear: 2024 } });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ key: 'seh_visit', version: 2, amount: '275.00', year: 2024, supersededAt: null });

    const current = await t.api('GET', '/api/v1/cost-items', { as: PROFESSIONAL });
    expect(current.body.items.filter((i: { key: string }) => i.key === 'seh_visit').map((i: { version: number }) => i.version)).toEqual([2]);

    const history = await t.api('GET', '/api/v1/cost-items?includeHistory=true', { as: PROFESSIONAL });
    const versions = history.body.items.filter((i: { key: string }) => i.key === 'seh_visit');
    expect(versions.map((i: { version: number; amount: string }) => [i.version, i.amount])).toEqual([
      [1, '258.00'],
      [2, '275.00'],
    ]);
    expect(versions[0].supersededAt).toMatch(/^\d{4}-\d{2}-\d{2}T/);
  });

  it('answers 404 for a PATCH of an unknown key and 400 for a null label', async () => {
    expect((await t.api('PATCH', '/api/v1/cost-items/no_such_item', { as: ADMIN, body: { amount: '1.00' } })).status).toBe(404);
    const res = await t.api('PATCH', '/api/v1/cost-items/seh_visit', { as: ADMIN, body: { label: null } });
    expect(res.status).toBe(400);
    expect(res.body.errors[0]).toMatchObject({ location: '#/label' });
  });

  it('answers 400 for an includeHistory that is not true or false', async () => {
    const res = await t.api('GET', '/api/v1/cost-items?includeHistory=yes', { as: PROFESSIONAL });
    expect(res.status).toBe(400);
    expect(res.body.detail).toContain('includeHistory');
  });
});
