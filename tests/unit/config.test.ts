import { ConfigError, loadConfig } from '../../src/config';

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
});
