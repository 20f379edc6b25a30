// Structured logging with LogTape (the logger Fedify uses), one category per part of the node:
// ["umn", "store"], ["umn", "http"], ["umn", "graphql"], ["umn", "seed"] …
import { AsyncLocalStorage } from 'node:async_hooks';
import { configure, getConsoleSink, getLogger, jsonLinesFormatter, getTextFormatter, type Logger } from '@logtape/logtape';
import type { Config } from './config.ts';

export async function configureLogging(config: Pick<Config, 'logLevel' | 'logFormat'>): Promise<void> {
  await configure({
    reset: true,
    contextLocalStorage: new AsyncLocalStorage(),
    sinks: {
      console: getConsoleSink({
        formatter: config.logFormat === 'json' ? jsonLinesFormatter : getTextFormatter({ timestamp: 'date-time' }),
      }),
    },
    loggers: [
      { category: ['umn'], lowestLevel: config.logLevel, sinks: ['console'] },
      // Fedify's own messages (deliveries, signature checks, unsupported activities).
      { category: ['fedify'], lowestLevel: config.logLevel === 'debug' ? 'info' : 'warning', sinks: ['console'] },
      // A browser opening an initiative's page is content negotiation working (the page is served
      // after Fedify answers 406 to it), not something to warn about on every view.
      { category: ['fedify', 'federation', 'http'], lowestLevel: 'error', sinks: ['console'], parentSinks: 'override' },
      { category: ['logtape', 'meta'], lowestLevel: 'warning', sinks: ['console'] },
    ],
  });
}

export function logger(...category: string[]): Logger {
  return getLogger(['umn', ...category]);
}
