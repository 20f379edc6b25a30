// Tests log warnings and errors through the same structured logger as the product, so an
// unexpected error inside a request shows up in the test output.
import { configureLogging } from '../config/logging.ts';

await configureLogging({ logLevel: (process.env.LOG_LEVEL as 'warning') ?? 'warning', logFormat: 'text' });
