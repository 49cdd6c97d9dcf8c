import type { DataSource } from 'typeorm';
import type { Config } from '../core/config';
import { OutboundClient } from '../core/outbound';
import { PublicUrl } from '../core/publicUrl';
import { InvalidationBus } from '../core/invalidation';
import { createLogger, type Logger } from '../core/logger';
import type { ModuleDefinition } from './module';
import { modules } from './modules';
import type { Services } from './scope';

export type { Services } from './scope';

/**
 * The composition root: one instance of every service per process, each module's built from the platform's and
 * those of the modules listed before it (no DI container, no wiring after construction).
 */
export function createServices(
  db: DataSource,
  config: Config,
  list: readonly ModuleDefinition[] = modules,
  logger: Pick<Logger, 'warn' | 'info' | 'error'> = createLogger('silent'),
): Services {
  const platform: Services = {
    db,
    config,
    outbound: new OutboundClient({
      allowLoopback: config.OUTBOUND_ALLOW_LOOPBACK,
      dnsResolver: config.DNS_RESOLVER,
      timeoutMs: config.OUTBOUND_TIMEOUT_MS,
      maxResponseBytes: config.OUTBOUND_MAX_RESPONSE_BYTES,
    }),
    // Links in emails; the server fills in its listening address when PUBLIC_URL is unset.
    publicUrl: new PublicUrl(config.PUBLIC_URL),
    invalidation: new InvalidationBus(db, logger),
  } as Services;
  const services: Record<string, unknown> = platform as unknown as Record<string, unknown>;
  for (const module of list) {
    if (!module.services) continue;
    const built = module.services(builtSoFar(services, module.name));
    for (const [name, service] of Object.entries(built)) {
      if (name in services) throw new Error(`Module ${module.name} builds services.${name}, which another module already provides.`);
      services[name] = service;
    }
  }
  return services as unknown as Services;
}

/**
 * The services built so far, as the module's factory sees them: reading one that is not built yet (a module listed
 * later, or none) fails at start with both names instead of leaving an undefined dependency to fail on first use.
 */
function builtSoFar(services: Record<string, unknown>, moduleName: string): Services {
  return new Proxy(services, {
    get(target, name) {
      if (typeof name === 'string' && !(name in target)) {
        throw new Error(`Module ${moduleName} needs services.${name}, which no module listed before it in src/app/modules.ts provides.`);
      }
      return Reflect.get(target, name) as unknown;
    },
  }) as unknown as Services;
}

/** Background work owned by services that must finish before the pool closes. */
export async function closeServices(services: Services): Promise<void> {
  await services.apiKeyAuthenticator.close();
  await services.invalidation.close();
}
