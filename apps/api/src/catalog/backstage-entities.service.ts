import { Inject, Injectable } from '@nestjs/common';
import { stringifyCatalogEntity } from '@roundhouse/contracts';
import { AutomationsService } from '../automations/index.js';
import { APP_CONFIG, consoleUrlOf, type AppConfig } from '../config/app.config.js';
import { SlosService } from '../slos/index.js';
import { backstageComponentOf, overallSloState, type OverallSloState } from './backstage-entities.js';

/** Roundhouse in Backstage: every automation as a Backstage entity, for one `url` Location. */
@Injectable()
export class BackstageEntitiesService {
  constructor(
    @Inject(AutomationsService) private readonly automations: AutomationsService,
    @Inject(SlosService) private readonly slos: SlosService,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  /**
   * Every automation that is not archived, as a multi-document YAML file of Backstage Components,
   * by slug. The SLO state is judged now, for every automation that declares SLOs at once (one statement).
   */
  async entitiesYaml(now: Date = new Date()): Promise<string> {
    const automations = await this.automations.listForExport();
    const statuses = await this.slos.statuses(await this.slos.automationsWithSlos(), now);
    const consoleUrl = consoleUrlOf(this.config);
    const documents: string[] = [];
    for (const automation of automations) {
      const status = statuses.get(automation.slug);
      const sloState: OverallSloState = status === undefined ? 'none' : overallSloState(status.map((result) => result.state));
      documents.push(stringifyCatalogEntity(backstageComponentOf(automation, { consoleUrl, sloState })));
    }
    return documents.map((document) => `---\n${document}`).join('');
  }
}
