import { describe, expect, it } from 'vitest';
import { pathForLog, withoutSecrets } from './log-redaction.ts';

describe('pathForLog', () => {
  it('hides the token of an invitation link, also in its data request', () => {
    expect(pathForLog('/invitations/Abc-123_xyz')).toBe('/invitations/[token]');
    expect(pathForLog('/invitations/Abc-123_xyz/__data.json')).toBe('/invitations/[token]/__data.json');
  });

  it('hides the token of an e-mailed unlock link', () => {
    expect(pathForLog('/sign-in/trust/Abc-123_xyz')).toBe('/sign-in/trust/[token]');
    expect(pathForLog('/sign-in/trust/Abc-123_xyz/__data.json')).toBe('/sign-in/trust/[token]/__data.json');
    expect(pathForLog('/sign-in')).toBe('/sign-in');
  });

  it('hides the token of the first-admin setup link', () => {
    expect(pathForLog('/setup/Abc-123_xyz')).toBe('/setup/[token]');
    expect(pathForLog('/setup/Abc-123_xyz/__data.json')).toBe('/setup/[token]/__data.json');
  });

  it('hides the token of a password reset link', () => {
    expect(pathForLog('/sign-in/reset/Abc-123_xyz')).toBe('/sign-in/reset/[token]');
    expect(pathForLog('/sign-in/reset/Abc-123_xyz/__data.json')).toBe('/sign-in/reset/[token]/__data.json');
    expect(pathForLog('/sign-in/forgot')).toBe('/sign-in/forgot');
  });

  it('leaves other paths as they are', () => {
    expect(pathForLog('/')).toBe('/');
    expect(pathForLog('/initiatives/univerbal')).toBe('/initiatives/univerbal');
    expect(pathForLog('/invitations')).toBe('/invitations');
  });
});

describe('withoutSecrets', () => {
  it('replaces every occurrence of each secret', () => {
    expect(withoutSecrets('token s3cr3t, again s3cr3t; pw hunter2', ['s3cr3t', 'hunter2'])).toBe(
      'token [redacted], again [redacted]; pw [redacted]',
    );
  });

  it('ignores empty secrets', () => {
    expect(withoutSecrets('nothing secret', [''])).toBe('nothing secret');
  });
});
