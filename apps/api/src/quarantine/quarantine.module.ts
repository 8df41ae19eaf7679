import { Module } from '@nestjs/common';
import { QuarantineRepository } from './quarantine.repository.js';
import { QuarantineResolver } from './quarantine.resolver.js';
import { QuarantineService } from './quarantine.service.js';

@Module({ providers: [QuarantineRepository, QuarantineService, QuarantineResolver] })
export class QuarantineModule {}
