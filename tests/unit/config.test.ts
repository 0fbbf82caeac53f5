import { AuthenticationConstants } from 'botframework-connector';
import { ConfigError, loadConfig } from '../../src/base/config';

describe('loadConfig', () => {
  it('runs on defaults with an empty environment', () => {
    expect(loadConfig({})).toMatchObject({ PORT: 3978, HOST: '127.0.0.1', DEFAULT_LANGUAGE: 'da', NODE_ENV: 'development' });
  });

  it('treats empty credentials as absent', () => {
    expect(loadConfig({ MicrosoftAppId: '  ', MicrosoftAppPassword: '' }).MicrosoftAppId).toBeUndefined();
  });

  it('fails fast with one readable line per bad variable', () => {
    expect(() => loadConfig({ PORT: 'eighty', DEFAULT_LANGUAGE: 'de' })).toThrow(ConfigError);
    try {
      loadConfig({ PORT: 'eighty', DEFAULT_LANGUAGE: 'de' });
    } catch (error) {
      expect((error as Error).message).toMatch(/^Invalid configuration:\n- PORT: .+\n- DEFAULT_LANGUAGE: .+$/);
    }
  });

  it('needs a Redis URL and a shared key secret for the Redis store', () => {
    expect(() => loadConfig({ STATE_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379' })).toThrow(/STATE_KEY_SECRET/);
    const secret = 'x'.repeat(32);
    expect(loadConfig({ STATE_STORE: 'redis', REDIS_URL: 'redis://127.0.0.1:6379', STATE_KEY_SECRET: secret })).toMatchObject({ STATE_STORE: 'redis' });
  });

  it('refuses Redis state with embedded bookings in production, where several instances would double-book', () => {
    const redis = {
      NODE_ENV: 'production',
      MicrosoftAppId: 'app',
      STATE_STORE: 'redis',
      REDIS_URL: 'redis://127.0.0.1:6379',
      STATE_KEY_SECRET: 'x'.repeat(32),
    };
    const booking = { ...redis, BOOKING_SCHEDULE_FILE: '/etc/pitstop/schedule.json' };
    expect(() => loadConfig(booking)).toThrow(/DATABASE_URL: required in production when STATE_STORE is redis/);
    expect(loadConfig({ ...booking, DATABASE_URL: 'postgres://u:p@db/bookings' })).toMatchObject({ STATE_STORE: 'redis' });
    // Without a schedule file, production books nothing (the phone instead), so there is nothing to double-book.
    expect(loadConfig(redis)).toMatchObject({ STATE_STORE: 'redis' });
    expect(loadConfig({ ...redis, BOOKING_SCHEDULE_FILE: 'none' })).toMatchObject({ STATE_STORE: 'redis' });
  });

  it("fetches signing keys from the SDK's metadata URLs unless told otherwise, over https in production", () => {
    expect(loadConfig({})).toMatchObject({
      CHANNEL_OPENID_METADATA_URL: AuthenticationConstants.ToBotFromChannelOpenIdMetadataUrl,
      EMULATOR_OPENID_METADATA_URL: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    });
    expect(loadConfig({ CHANNEL_OPENID_METADATA_URL: 'http://127.0.0.1:8080/openid' }).CHANNEL_OPENID_METADATA_URL).toBe('http://127.0.0.1:8080/openid');
    expect(() => loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app', EMULATOR_OPENID_METADATA_URL: 'http://keys.example/openid' })).toThrow(
      /EMULATOR_OPENID_METADATA_URL: must be an https/,
    );
    expect(() => loadConfig({ CHANNEL_OPENID_METADATA_URL: 'file:///etc/keys' })).toThrow(/CHANNEL_OPENID_METADATA_URL/);
  });

  it('keeps state 30 minutes by default', () => {
    expect(loadConfig({}).STATE_TTL_SECONDS).toBe(1800);
  });

  it('replies only to Azure Bot Service hosts in production unless told otherwise', () => {
    expect(loadConfig({ NODE_ENV: 'production', MicrosoftAppId: 'app' }).ALLOWED_SERVICE_URL_HOSTS).toEqual(['*.botframework.com']);
    expect(loadConfig({ ALLOWED_SERVICE_URL_HOSTS: ' A.example.com, *.b.example.com ' }).ALLOWED_SERVICE_URL_HOSTS).toEqual([
      'a.example.com',
      '*.b.example.com',
    ]);
    expect(loadConfig({}).ALLOWED_SERVICE_URL_HOSTS).toEqual([]);
  });
});
