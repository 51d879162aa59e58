// The worker's entry point (copied to build/worker.mjs by scripts/worker-build.sh): one Go runtime per isolate.
//
// syumai/workers' own worker.mjs starts a fresh Go runtime for every request, which costs 20-30 ms of CPU each
// time. Here the first request of an isolate starts the runtime (main builds the app once, glue_js.go), and every
// request after it is handed to that runtime, which serves it as a goroutine, so requests run concurrently.
//
// What makes one runtime safe in workerd, where every request has its own I/O context:
//   - Bodies never cross requests: the request body is read here, in the request's own handler, and the Response is
//     built here from the bytes Go returns (glue.go). Go itself never touches a request's streams.
//   - A goroutine runs while whatever JavaScript resumed the runtime is on the stack, sometimes another request's.
//     workerd cancels what a request started once that request ends, so every D1 call and every Go timer keeps the
//     request it started in alive (waitUntil of the current request) until it settles: a request's D1 answer, or
//     the timer that wakes a sleeping request, is never cancelled under it.
//   - Each request waits on a promise it created itself, which Go resolves from any request: workerd runs the
//     continuation in the waiting request. A timer of its own keeps workerd from taking it for hung meanwhile.
//   - If the runtime dies (a Go panic or exit, a WebAssembly trap), every request in flight on it gets a JSON 500,
//     and the next request starts a new runtime.
// A runtime is retired after recycleAfter requests (see there), a new one serving the requests after that.
// Bindings and vars are the same for every request of an isolate (they belong to the Worker's version), so the
// runtime reads them from the env of the request that started it; ctx.waitUntil from Go applies to the request
// that is running.
import "./wasm_exec.js";
import { createRuntimeContext } from "./runtime.mjs";
import mod from "./app.wasm";
import { waitUntil } from "cloudflare:workers";

// Bodies up to this size are read and handed to the app, which applies its own, smaller limit (413); a larger
// body is cut here, one byte over, so that the app still sees it is too large.
const maxBody = 4 << 20;

// recycleAfter bounds the requests one runtime serves (the Worker var PAPERGIST_WORKER_RECYCLE changes it): a Go
// runtime's memory only grows, and syumai/workers' D1 driver leaks a Go function per query (jsutil.AwaitPromise
// releases only the callback that ran), which would reach the isolate's 128 MB after some 10^5 requests. A new
// runtime costs one start (30-50 ms of CPU) every recycleAfter requests.
const recycleAfter = 2000;

// syumai/workers' Go code calls globalThis.tryCatch (its worker.mjs defines it).
globalThis.tryCatch = (fn) => {
  try {
    return { result: fn() };
  } catch (error) {
    return { error };
  }
};

let runtime; // the live runtime: { binding, inflight: Set of resolvers, dead, served, limit }

// keep holds the current request open until p settles (see above).
function keep(p) {
  try {
    waitUntil(Promise.resolve(p).catch(() => {}));
  } catch {
    // outside a request (never, for Go code): nothing to hold open
  }
  return p;
}

// holdIO wraps a binding so that every promise its methods return (a D1 query) is kept (see keep).
function holdIO(obj) {
  if (obj === null || typeof obj !== "object") return obj;
  return new Proxy(obj, {
    get(target, key) {
      const v = Reflect.get(target, key);
      if (typeof v !== "function") return v;
      return (...args) => {
        const r = v.apply(target, args);
        return r && typeof r.then === "function" ? keep(r) : holdIO(r);
      };
    },
  });
}

// start instantiates the Go runtime and runs main, synchronously: main builds the app and then parks, so when
// go.run returns, binding.handleRequest is set (or the runtime is already dead).
function start(env) {
  const go = new Go();
  const limit = Number(env.PAPERGIST_WORKER_RECYCLE) || recycleAfter;
  const rt = { binding: {}, inflight: new Set(), dead: false, served: 0, limit };
  const imports = go.importObject.gojs;

  // A sleeping goroutine wakes on the one timer Go asks for; keep the request that set it open until it fires
  // or Go clears it. A timer's id is the one wasm_exec.js just assigned.
  const timers = new Map();
  const schedule = imports["runtime.scheduleTimeoutEvent"];
  imports["runtime.scheduleTimeoutEvent"] = (sp) => {
    schedule(sp);
    const id = go._nextCallbackTimeoutID - 1;
    const ms = go.mem.getUint32((sp >>> 0) + 8, true) + go.mem.getInt32((sp >>> 0) + 12, true) * 4294967296;
    keep(new Promise((resolve) => {
      timers.set(id, resolve);
      setTimeout(resolve, ms + 1000); // in case Go never clears it
    }));
  };
  const clear = imports["runtime.clearTimeoutEvent"];
  imports["runtime.clearTimeoutEvent"] = (sp) => {
    const id = go.mem.getInt32((sp >>> 0) + 8, true);
    clear(sp);
    timers.get(id)?.();
    timers.delete(id);
  };
  const exit = imports["runtime.wasmExit"];
  imports["runtime.wasmExit"] = (sp) => {
    const code = go.mem.getInt32((sp >>> 0) + 8, true);
    exit(sp);
    kill(rt, `the Go runtime exited with code ${code}`);
  };
  // Every entry into Go goes through _resume (calls of Go functions, timers) or exports.run (main): a trap there
  // leaves the runtime unusable.
  const resume = go._resume.bind(go);
  go._resume = () => {
    try {
      resume();
    } catch (e) {
      kill(rt, e);
    }
  };

  let ready = false;
  const instance = new WebAssembly.Instance(mod, { ...go.importObject, workers: { ready: () => (ready = true) } });
  const context = createRuntimeContext({
    env: new Proxy(env, { get: (t, k) => holdIO(Reflect.get(t, k)) }),
    ctx: { waitUntil: keep, passThroughOnException() {} },
    binding: rt.binding,
  });
  try {
    go.run(instance, context).catch((e) => kill(rt, e));
  } catch (e) {
    kill(rt, e);
  }
  if (!ready && !rt.dead) kill(rt, "main returned without serving");
  if (rt.dead) throw new Error("the Go runtime did not start");
  return rt;
}

// kill marks rt dead, answers every request in flight on it with a 500, and lets the next request start anew.
function kill(rt, why) {
  if (rt.dead) return;
  rt.dead = true;
  if (runtime === rt) runtime = undefined;
  console.error("worker: the Go runtime died:", why);
  for (const resolve of rt.inflight) resolve(internalError);
  rt.inflight.clear();
}

const internalError = {
  status: 500,
  headers: '[["Content-Type","application/json"]]',
  body: JSON.stringify({ error: { code: "internal", message: "internal error" } }),
};

// readBody returns the request body (null without one), at most maxBody + 1 bytes of it. It reads every byte that
// comes, keeping only those: a body left half read breaks the connection it came on (under wrangler dev, the next
// request on it fails with a 503). A body declared larger than maxBody is not read at all: the app refuses it from
// its Content-Length, and the runtime drains it.
async function readBody(req) {
  if (req.body === null || Number(req.headers.get("content-length")) > maxBody) return null;
  const chunks = [];
  let size = 0;
  for await (const chunk of req.body) {
    if (size <= maxBody) chunks.push(chunk);
    size += chunk.length;
  }
  const body = new Uint8Array(Math.min(size, maxBody + 1));
  let at = 0;
  for (const c of chunks) {
    const n = Math.min(c.length, body.length - at);
    body.set(c.subarray(0, n), at);
    at += n;
  }
  return body;
}

async function fetch(req, env) {
  const body = await readBody(req);
  let rt;
  try {
    rt = runtime ?? (runtime = start(env));
  } catch {
    return respond(internalError);
  }
  // Created here, in this request: Go resolves it from whichever request it runs in, and workerd then continues
  // here. kill resolves it too.
  const { promise, resolve } = Promise.withResolvers();
  rt.inflight.add(resolve);
  // Retired: requests in flight finish on it, new ones start the next runtime. Once idle, nothing refers to it.
  if (++rt.served >= rt.limit && runtime === rt) runtime = undefined;
  const headers = [];
  for (const h of req.headers) headers.push(h);
  try {
    rt.binding.handleRequest(req.method, req.url, JSON.stringify(headers), body, (status, headers, body) =>
      resolve({ status, headers, body }),
    );
  } catch (e) {
    kill(rt, e);
  }
  // workerd cancels a request as hung when its own context has nothing pending, even though Go will answer it
  // (its D1 calls or timer may live in another request): a timer of its own marks it as waiting.
  const guard = setInterval(() => {}, 60_000);
  const res = await promise;
  clearInterval(guard);
  rt.inflight.delete(resolve);
  return respond(res);
}

function respond({ status, headers, body }) {
  const noBody = status === 101 || status === 204 || status === 205 || status === 304;
  return new Response(noBody ? null : body, { status, headers: JSON.parse(headers) });
}

export default { fetch };
