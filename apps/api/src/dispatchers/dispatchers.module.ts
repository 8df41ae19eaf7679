import { Module } from '@nestjs/common';
import { Dispatchers } from './dispatchers.js';

@Module({ providers: [Dispatchers], exports: [Dispatchers] })
export class DispatchersModule {}
