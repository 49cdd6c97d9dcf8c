import type { DataSource } from 'typeorm';
import { paginate, type PageArgs } from '../core/relay';
import { AuditEvent } from './auditEvent.entity';
import { AuditEventConnection } from './audit.types';

export interface AuditQuery {
  from?: Date | null;
  to?: Date | null;
  actorId?: string | null;
  actorEmail?: string | null;
  action?: string | null;
  target?: { type: string; id: string } | null;
}

/** Reads the audit log; there is deliberately no method that changes it. */
export class AuditLogService {
  constructor(private readonly db: DataSource) {}

  connection(organizationId: string, filter: AuditQuery, page: PageArgs): Promise<AuditEventConnection> {
    const query = this.db.getRepository(AuditEvent).createQueryBuilder('event').where('event.organization_id = :organizationId', {
      organizationId,
    });
    if (filter.from) query.andWhere('event.created_at >= :from', { from: filter.from });
    if (filter.to) query.andWhere('event.created_at < :to', { to: filter.to });
    if (filter.actorId) query.andWhere('event.actor_id = :actorId', { actorId: filter.actorId });
    if (filter.actorEmail) {
      query.andWhere(`event.actor_type = 'USER' AND event.actor_id IN (SELECT u.id::text FROM users u WHERE lower(u.email) = lower(:actorEmail))`, { actorEmail: filter.actorEmail });
    }
    if (filter.action?.endsWith('.')) {
      query.andWhere("starts_with(event.action, :actionPrefix)", { actionPrefix: filter.action });
    } else if (filter.action) {
      query.andWhere('event.action = :action', { action: filter.action });
    }
    if (filter.target) {
      query.andWhere('event.target_type = :targetType AND event.target_id = :targetId', { targetType: filter.target.type, targetId: filter.target.id });
    }
    return paginate(query, page, {
      connection: AuditEventConnection,
      orderBy: "date_trunc('milliseconds', event.created_at)",
      orderValue: (event) => event.createdAt.toISOString(),
      direction: 'DESC',
    });
  }
}
