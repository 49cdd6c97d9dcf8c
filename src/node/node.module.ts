import { defineModule } from '../app/module';
import { NodeResolver } from './node.resolver';

/** `node(id:)`: answers through the fetchers the other modules declare. */
export const nodeModule = defineModule({ name: 'node', tables: [], resolvers: [NodeResolver] });
