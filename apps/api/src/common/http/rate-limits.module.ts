import { Module } from '@nestjs/common';
import { RateLimitStores } from './rate-limit-stores.js';

/**
 * The rate limits' stores. Not global on purpose: Nest shuts non-global modules down before the
 * global ones, so hits being given back are settled before TypeORM closes the database.
 */
@Module({ providers: [RateLimitStores], exports: [RateLimitStores] })
export class RateLimitsModule {}
