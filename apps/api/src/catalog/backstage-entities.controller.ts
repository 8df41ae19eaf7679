import { Controller, Get, Header, Inject } from '@nestjs/common';
import { RequireRuntimeToken } from '../auth/index.js';
import { BackstageEntitiesService } from './backstage-entities.service.js';

/** What Backstage reads of Roundhouse (README, "Roundhouse in Backstage"). */
@Controller('catalog/backstage')
export class BackstageEntitiesController {
  constructor(@Inject(BackstageEntitiesService) private readonly entities: BackstageEntitiesService) {}

  /**
   * `GET /catalog/backstage/entities.yaml`: every automation as a Backstage Component. Backstage
   * authenticates as a reader, not a person: a runtime token with the `catalog_read` capability, sent
   * as `Authorization: Bearer rh_rt_…`. It reads the whole catalog, as every signed-in person may.
   */
  @RequireRuntimeToken('catalog_read')
  @Get('entities.yaml')
  @Header('content-type', 'application/yaml; charset=utf-8')
  @Header('cache-control', 'no-store')
  entitiesYaml(): Promise<string> {
    return this.entities.entitiesYaml();
  }
}
