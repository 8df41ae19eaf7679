import {
  componentEntityV1alpha1Validator,
  DefaultNamespaceEntityPolicy,
  EntityPolicies,
  FieldFormatEntityPolicy,
  NoForeignRootFieldsEntityPolicy,
  SchemaValidEntityPolicy,
  type ComponentEntity,
  type Entity,
} from '@backstage/catalog-model';
import { beforeAll, describe, expect, it } from 'vitest';
import { parseAllDocuments } from 'yaml';
import { useCatalogFolders } from '../../test/catalog-folders.js';
import { automationInput } from '../../test/fixtures.js';
import { useTestApi } from '../../test/harness.js';
import { attempt, createToken, ingest } from '../../test/telemetry.js';
import { AutomationsService } from '../automations/automations.service.js';
import { CatalogService } from './catalog.service.js';

const CONSOLE = 'https://roundhouse.northwind.example';

const TEAM = `apiVersion: roundhouse.dev/v1
kind: Team
metadata: { name: finance-ops, title: Finance Operations }
spec: { email: finance-ops@northwind.example }
`;

/** An automation file as an owner writes it: the catalog-info.yaml envelope with PagerDuty, GitHub and Grafana annotations. */
const CARD_REFUNDS = `apiVersion: roundhouse.dev/v1
kind: Automation
metadata:
  name: card-refunds
  title: Card refunds
  description: Refunds card payments the support desk approved.
  tags: [refunds, month-end]
  links:
    - { title: Refunds dashboard, url: "https://grafana.northwind.example/d/refunds", type: dashboard }
  annotations:
    pagerduty.com/service-id: PX7R2QZ
    github.com/project-slug: northwind/card-refunds
    grafana/overview-dashboard: https://grafana.northwind.example/d/refunds
    backstage.io/view-url: https://backstage.northwind.example/catalog/default/component/card-refunds
  labels:
    tier: critical
spec:
  type: integration
  lifecycle: production
  owner: Group:emea/team-a
  system: order-to-cash
  onCall: { name: EMEA payments primary }
`;

/**
 * Backstage's catalog applies these policies to every entity a Location gives it (catalog-backend's
 * defaults), then the kind's own validator: the served documents must pass both, as Backstage runs them.
 */
const backstagePolicies = EntityPolicies.allOf([
  new DefaultNamespaceEntityPolicy(),
  new NoForeignRootFieldsEntityPolicy(),
  new FieldFormatEntityPolicy(),
  new SchemaValidEntityPolicy(),
]);

async function asBackstageReadsIt(document: unknown): Promise<ComponentEntity> {
  const entity = await backstagePolicies.enforce(document as Entity);
  if (entity === undefined || !(await componentEntityV1alpha1Validator.check(entity))) {
    throw new Error(`Backstage would not take ${JSON.stringify(document)}`);
  }
  return entity as ComponentEntity;
}

describe('GET /catalog/backstage/entities.yaml', () => {
  const t = useTestApi({ ROUNDHOUSE_PUBLIC_URL: `${CONSOLE}/` });
  const { catalogWithOrg } = useCatalogFolders();
  let reader: string;

  const read = (headers: Record<string, string>) => fetch(`${t.api.url}/catalog/backstage/entities.yaml`, { headers });

  beforeAll(async () => {
    // The org folder, a team and two automations come in; then one leaves the files (archived).
    const catalog = t.api.app.get(CatalogService);
    const retired = CARD_REFUNDS.replace('name: card-refunds', 'name: cheque-refunds');
    const first = await catalogWithOrg({ 'teams/finance.yaml': TEAM, 'automations/card-refunds.yaml': CARD_REFUNDS, 'automations/cheque-refunds.yaml': retired });
    await catalog.apply(first, first);
    const dir = await catalogWithOrg({ 'teams/finance.yaml': TEAM, 'automations/card-refunds.yaml': CARD_REFUNDS });
    expect((await catalog.apply(dir, dir)).automations.archived).toBe(1);
    // A console registration with a 99% success SLO whose runs all fail: its promise is broken.
    await t.api.app.get(AutomationsService).register(automationInput({ slug: 'vendor-bill-capture', owner: 'finance-ops' }), { id: 'ada', name: 'Ada', role: 'admin', teams: [] });
    const admin = await t.api.signIn('ada');
    const runtime = await createToken(t.api, admin, { team: 'finance-ops', capabilities: ['ingest'] });
    const startedAt = new Date(Date.now() - 120_000);
    const reported = await ingest(
      t.api,
      runtime.secret,
      [1, 2, 3].flatMap(() => attempt('vendor-bill-capture', { startedAt, end: 'failed' })),
    );
    expect(reported.body.accepted).toBe(6);
    reader = (await createToken(t.api, admin, { name: 'Backstage', team: 'finance-ops', capabilities: ['catalog_read'] })).secret;
  });

  it('is closed: no token, an unknown one and a runtime token without catalog_read are refused, a signed-in session too', async () => {
    expect((await read({})).status).toBe(401);
    expect((await read({ authorization: 'Bearer rh_rt_not-a-real-token' })).status).toBe(401);
    const admin = await t.api.signIn('ada');
    const ingestOnly = await createToken(t.api, admin, { team: 'finance-ops', capabilities: ['ingest', 'dead_letters', 'commands'] });
    const refused = await read({ authorization: `Bearer ${ingestOnly.secret}` });
    expect(refused.status).toBe(403);
    expect(await refused.text()).toContain('catalog_read');
    expect((await read({ cookie: admin })).status).toBe(401);
  });

  it('serves every automation that is not archived as a Backstage Component that Backstage’s own validation accepts', async () => {
    const response = await read({ authorization: `Bearer ${reader}` });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toContain('application/yaml');
    const documents = parseAllDocuments(await response.text());
    expect(documents.flatMap((d) => d.errors)).toEqual([]);
    const entities = await Promise.all(documents.map((d) => asBackstageReadsIt(d.toJS())));

    const active = await t.db.query<{ slug: string }>(`SELECT slug FROM automation WHERE archived_at IS NULL ORDER BY slug`);
    expect(entities.map((e) => e.metadata.name)).toEqual(active.map((a) => a.slug));
    expect(entities.map((e) => e.metadata.name)).toEqual(['card-refunds', 'vendor-bill-capture']);
    expect(await t.db.query(`SELECT slug FROM automation WHERE archived_at IS NOT NULL`)).toEqual([{ slug: 'cheque-refunds' }]);

    const [cardRefunds, billCapture] = entities;
    expect(cardRefunds).toEqual({
      apiVersion: 'backstage.io/v1alpha1',
      kind: 'Component',
      metadata: {
        name: 'card-refunds',
        // Backstage's DefaultNamespaceEntityPolicy fills it in, as for any entity that names none.
        namespace: 'default',
        title: 'Card refunds',
        description: 'Refunds card payments the support desk approved.',
        tags: ['refunds', 'month-end'],
        links: [{ title: 'Refunds dashboard', url: 'https://grafana.northwind.example/d/refunds', type: 'dashboard' }],
        annotations: {
          // Backstage links back to the console page, not to itself.
          'backstage.io/view-url': `${CONSOLE}/automations/card-refunds`,
          'github.com/project-slug': 'northwind/card-refunds',
          'grafana/overview-dashboard': 'https://grafana.northwind.example/d/refunds',
          'pagerduty.com/service-id': 'PX7R2QZ',
          'roundhouse.io/automation': 'card-refunds',
          'roundhouse.io/slo-state': 'none',
        },
        labels: { tier: 'critical' },
      },
      spec: { type: 'integration', lifecycle: 'production', owner: 'group:emea/team-a', system: 'system:default/order-to-cash' },
    });
    expect(billCapture?.spec).toEqual({ type: 'automation', lifecycle: 'experimental', owner: 'group:default/finance-ops' });
    expect(billCapture?.metadata.annotations?.['roundhouse.io/slo-state']).toBe('breached');
    expect(billCapture?.metadata.annotations?.['backstage.io/view-url']).toBe(`${CONSOLE}/automations/vendor-bill-capture`);
  });
});
