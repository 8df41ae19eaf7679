import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { DataSource } from 'typeorm';
import { RuntimeTokenEntity } from './runtime-token.entity.js';

@Injectable()
export class TokensRepository {
  constructor(@InjectDataSource() private readonly dataSource: DataSource) {}

  private get tokens() {
    return this.dataSource.getRepository(RuntimeTokenEntity);
  }

  async insert(token: Omit<RuntimeTokenEntity, 'createdAt' | 'lastUsedAt' | 'revokedAt'>): Promise<RuntimeTokenEntity> {
    await this.tokens.insert(token);
    return this.tokens.findOneByOrFail({ id: token.id });
  }

  findById(id: string): Promise<RuntimeTokenEntity | null> {
    return this.tokens.findOneBy({ id });
  }

  listByTeam(team: string): Promise<RuntimeTokenEntity[]> {
    return this.tokens.find({ where: { team }, order: { createdAt: 'DESC' } });
  }

  async revoke(id: string, at: Date): Promise<RuntimeTokenEntity> {
    await this.dataSource.query(`UPDATE runtime_token SET revoked_at = $2 WHERE id = $1 AND revoked_at IS NULL`, [id, at]);
    return this.tokens.findOneByOrFail({ id });
  }

  /** Records use at most once a minute per token, so ingest does not write on every request. */
  async touch(id: string, at: Date): Promise<void> {
    await this.dataSource.query(
      `UPDATE runtime_token SET last_used_at = $2::timestamptz WHERE id = $1 AND (last_used_at IS NULL OR last_used_at < $2::timestamptz - interval '1 minute')`,
      [id, at],
    );
  }
}
