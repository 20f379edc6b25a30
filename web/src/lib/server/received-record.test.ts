import { describe, expect, it } from 'vitest';
import { receivedRecordId } from './received-record.ts';

const page = (query: string) => new URL(`http://liege.example/network/initiatives${query}`);

describe('receivedRecordId', () => {
  it('reads the IRI of the record from the address', () => {
    expect(receivedRecordId(page('?id=https%3A%2F%2Fmilano.example%2Finitiatives%2Fcasa'))).toBe('https://milano.example/initiatives/casa');
  });

  it('refuses a missing, empty, relative, non-http or overlong id', () => {
    expect(receivedRecordId(page(''))).toBeNull();
    expect(receivedRecordId(page('?id='))).toBeNull();
    expect(receivedRecordId(page('?id=casa'))).toBeNull();
    expect(receivedRecordId(page('?id=javascript%3Aalert(1)'))).toBeNull();
    expect(receivedRecordId(page(`?id=https%3A%2F%2Fa.example%2F${'x'.repeat(2000)}`))).toBeNull();
  });
});
