import { MongoClient, MongoNetworkError, MongoServerError } from 'mongodb';
import { describe, expect, it } from 'vitest';
import { AppError } from '../../src/core/errors.js';
import { isDatabaseOutage } from '../../src/db/database-errors.js';

describe('isDatabaseOutage', () => {
  it.each([
    ['a network error', new MongoNetworkError('connection closed')],
    [
      'a socket the server ended, passed on unwrapped',
      Object.assign(new Error('ended'), { code: 'EPIPE' }),
    ],
    ['no embedded database', new AppError('database_unavailable', 'Go is not installed')],
  ])('counts %s as an outage', (_case, error) => {
    expect(isDatabaseOutage(error)).toBe(true);
  });

  it('counts the error of a client that finds no server as an outage', async () => {
    const client = new MongoClient('mongodb://127.0.0.1:1/', { serverSelectionTimeoutMS: 100 });
    const error = await client.connect().catch((caught: unknown) => caught);
    await client.close();

    expect(isDatabaseOutage(error)).toBe(true);
  });

  it.each([
    ['a refused write', new MongoServerError({ message: 'E11000 duplicate key', code: 11000 })],
    ['a bug of ours', new TypeError('x is undefined')],
    ['nothing', null],
  ])('does not count %s as an outage', (_case, error) => {
    expect(isDatabaseOutage(error)).toBe(false);
  });
});
