// wasm/wasm_exec.js is Go's, copied into dist by scripts/build-extension.sh from the toolchain that built the module.
interface GoRuntime {
  env: Record<string, string>;
  importObject: WebAssembly.Imports;
  run(instance: WebAssembly.Instance): Promise<void>;
}
declare global {
  var Go: { new (): GoRuntime };
}
export {};
