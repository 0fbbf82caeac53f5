import { enableCompileCache } from 'node:module';

// Node keeps the compiled bytecode of the modules it loads (the Bot Framework SDK's, mostly) in a folder of the OS's
// temporary directory, so that a restart loads them about 200 ms sooner (issue 15: cold start). It holds code only,
// never anything a user wrote. Imported first by the entry point, before any module worth caching is loaded.
enableCompileCache();
