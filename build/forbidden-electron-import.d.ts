// Deliberately not a module. Layers that must not use Electron (the app core,
// the sync server) map the `electron` import here, so such an import fails to compile.
declare const forbiddenElectronImport: never;
