// Measures the worker under `wrangler dev --local` for scripts/worker-bench.sh: sequential warm requests of each
// kind, their latency (p50, p90, mean) and the CPU time workerd spent per request (user + system of the dev
// session's workerd processes, from /proc: close to what Workers bills and limits, and steadier than wall time on a
// shared machine; an upper bound, as it also counts wrangler's local proxy worker and wasm compilation).
// Usage: node worker-bench-requests.mjs BASE_URL SESSION_ID REQUESTS [healthz-only] > result.json
import { readdirSync, readFileSync } from "node:fs";
import { execSync } from "node:child_process";

const [base, session, n] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
const hz = Number(execSync("getconf CLK_TCK").toString());

// workerdCPU is the CPU ms used so far by the workerd processes of the given session.
function workerdCPU() {
  let ticks = 0;
  for (const pid of readdirSync("/proc").filter((d) => /^\d+$/.test(d))) {
    let stat;
    try {
      stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    } catch {
      continue;
    }
    const comm = stat.slice(stat.indexOf("(") + 1, stat.lastIndexOf(")"));
    const f = stat.slice(stat.lastIndexOf(")") + 2).split(" "); // f[0] is field 3 (state)
    if (comm === "workerd" && Number(f[3]) === session) ticks += Number(f[11]) + Number(f[12]);
  }
  return (ticks * 1000) / hz;
}

async function call(path, init = {}, want = 200) {
  const res = await fetch(base + path, init);
  const body = await res.text();
  if (res.status !== want) throw new Error(`${init.method ?? "GET"} ${path}: ${res.status} ${body}`);
  return body;
}

// measure sends count requests made by req(i), one after another.
async function measure(name, count, req) {
  const times = [];
  const cpu0 = workerdCPU();
  for (let i = 0; i < count; i++) {
    const [path, init, want] = req(i);
    const t0 = performance.now();
    await call(path, init, want);
    times.push(performance.now() - t0);
  }
  const cpu = (workerdCPU() - cpu0) / count;
  times.sort((a, b) => a - b);
  const mean = times.reduce((a, b) => a + b, 0) / count;
  return { name, count, p50: times[Math.floor(count * 0.5)], p90: times[Math.floor(count * 0.9)], mean, cpu };
}

const json = (body, token, key) => ({
  method: "POST",
  body: JSON.stringify(body),
  headers: {
    "Content-Type": "application/json",
    ...(token && { Authorization: `Bearer ${token}` }),
    ...(key && { "Idempotency-Key": key }),
  },
});

// Warm up: V8 compiles the wasm module again, optimized, in the background after the first requests.
for (let i = 0; i < 10; i++) await call("/healthz");
const results = [await measure("GET /healthz", n, () => ["/healthz"])];
if (process.argv[5] === "healthz-only") {
  console.log(JSON.stringify(results));
  process.exit(0);
}

const cred = { email: "bench@example.org", password: "correct horse battery" };
const { access_token: token } = JSON.parse(await call("/v1/auth/register", json(cred), 201));
const auth = { headers: { Authorization: `Bearer ${token}` } };
const one = { changes: [{ id: "arxiv:1706.03762", base_version: 0, title: "Attention Is All You Need" }] };
await call("/v1/sync", json(one, token, "bench-1"));
results.push(await measure("GET /v1/sync (JWT + D1 read)", n, () => ["/v1/sync?since=0", auth]));
// Each push saves 50 new papers, as a first sync of a small library does.
const push = (i) => ({
  changes: Array.from({ length: 50 }, (_, j) => ({
    id: `arxiv:2410.${String(i * 50 + j + 1).padStart(5, "0")}`,
    base_version: 0,
    title: `Paper ${i * 50 + j}`,
    authors: ["A. Author", "B. Author"],
    tags: ["bench"],
  })),
});
results.push(await measure("POST /v1/sync (50 new items)", n, (i) => ["/v1/sync", json(push(i), token, `push-${i}`)]));
// Login hashes the password (argon2id, auth.WorkersArgon2): the CPU-heaviest request. Few: logins are rate-limited.
results.push(await measure("POST /v1/auth/login (argon2id)", 5, () => ["/v1/auth/login", json(cred)]));
console.log(JSON.stringify(results));
