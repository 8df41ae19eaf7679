import { Module } from '@nestjs/common';
import { SlosRepository } from './slos.repository.js';
import { SlosResolver } from './slos.resolver.js';
import { SlosService } from './slos.service.js';

@Module({
  providers: [SlosRepository, SlosService, SlosResolver],
  exports: [SlosService],
})
export class SlosModule {}
