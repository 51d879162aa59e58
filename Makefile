# papergist: `make run` starts the sync server and builds the extension; `make test` runs every test.
SHELL := /bin/bash
GO ?= go
DIST := dist
WASM_OUT := $(DIST)/wasm/papergist.wasm
FUZZTIME ?= 10m

.PHONY: all run test test-go test-e2e bench bench-extract bench-summarize bench-backend bench-extension \
	lint fmt wasm extension gist fuzz eval weights clean worker-dev deploy

all: test

## run: build the unpacked extension, then start the sync server on ./data/papergist.db
run: extension
	@echo "papergist: load the unpacked extension from $(CURDIR)/$(DIST)/chrome (chrome://extensions → Load unpacked)"
	$(GO) run ./backend/cmd/server -addr 127.0.0.1:8080 -db ./data/papergist.db

## test: Go tests (with the fuzz seed corpus), then the browser end-to-end tests
test: test-go test-e2e

test-go:
	$(GO) vet ./...
	$(GO) test -count=1 ./...

# --- extension e2e (headless Chromium + playwright-core) ---
test-e2e:
	@echo "test-e2e: no browser tests yet"

## bench: print speed and size figures
bench: bench-extract bench-summarize bench-backend bench-extension

# --- extractor benchmarks (owner: extractor) ---
bench-extract:
	@echo "bench-extract: not yet"

# --- summarizer benchmarks (owner: summarizer) ---
bench-summarize:
	@echo "bench-summarize: not yet"

# --- backend benchmarks (owner: backend) ---
bench-backend:
	$(GO) run ./backend/cmd/bench -duration 3s -concurrency 8

# --- extension benchmarks (owner: extension) ---
bench-extension:
	@echo "bench-extension: not yet"

## lint: gofmt and go vet
lint:
	@test -z "$$(gofmt -l $$(git ls-files '*.go'))" || { gofmt -l $$(git ls-files '*.go'); echo "gofmt: files above need formatting"; exit 1; }
	$(GO) vet ./...

fmt:
	gofmt -w $$(git ls-files '*.go')

## wasm: the extractor + summarizer module for the extension
wasm:
	@mkdir -p $(dir $(WASM_OUT))
	GOOS=js GOARCH=wasm $(GO) build -trimpath -ldflags='-s -w' -o $(WASM_OUT) ./wasm

## gist: the native command line
gist:
	$(GO) build -o bin/gist ./wasm/cmd/gist

# --- extension build ---
extension: wasm
	@echo "extension: not built yet"

# --- extractor fuzzing ---
fuzz:
	$(GO) test -run='^$$' -fuzz=FuzzExtract -fuzztime=$(FUZZTIME) ./wasm/extract

# --- summarizer evaluation and weights ---
eval:
	@echo "eval: not yet"

weights:
	@echo "weights: not yet"

# --- Cloudflare Workers (owner: worker) ---
.PHONY: worker-build bench-worker
## worker-build: the Workers bundle (Go backend as wasm + syumai/workers shim) into backend/cmd/worker/build
worker-build:
	scripts/worker-build.sh

## worker-dev: the same backend in workerd (`wrangler dev --local`) on 127.0.0.1:8787 with a local D1, migrated
worker-dev:
	scripts/worker-dev.sh

## deploy: build, create/migrate D1 and deploy to the Cloudflare account wrangler is logged in to
deploy:
	scripts/worker-deploy.sh

## bench-worker: bundle gzip size, cold start and per-request latency under wrangler dev
bench-worker:
	scripts/worker-bench.sh

clean:
	rm -rf $(DIST) bin
