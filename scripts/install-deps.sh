#!/usr/bin/env bash
# Installs the Debian packages storyline builds and tests with (see README, "Dependencies").
# Safe to re-run; uses sudo when not root.
set -euo pipefail
SUDO=""
if [ "$(id -u)" -ne 0 ]; then SUDO="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
$SUDO apt-get update -qq
# postgresql: the server the PostgreSQL store's tests start (tests/support/pg_test_server.h).
# lld: the linker of the clang build (sanitizers, fuzzing), a third of the default time.
# nats-server, libnats-dev: the distributed ingest's JetStream client (src/dist/) and the
# server its tests start (tests/support/nats_test_server.h).
$SUDO apt-get install -y -qq --no-install-recommends \
  build-essential cmake pkg-config git ca-certificates python3 \
  libsimdjson-dev nlohmann-json3-dev libgumbo-dev libicu-dev libutf8proc-dev libcld2-dev \
  libre2-dev libxml2-dev liburiparser-dev libbrotli-dev libcurl4-openssl-dev libssl-dev libcpp-httplib-dev zlib1g-dev libxxhash-dev libsqlite3-dev libpq-dev libcli11-dev libfmt-dev \
  postgresql nats-server libnats-dev \
  libgtest-dev libgmock-dev libbenchmark-dev clang lld libclang-rt-14-dev \
  libstemmer-dev iso-codes tzdata wordnet-base \
  chromium  # the web page's browser tests (tests/browser), headless
# The browser tests' driver (playwright-core, tests/browser): exactly what package-lock.json
# pins, from the machine's Node.js and npm (Debian's where the machine has none); it drives
# the chromium above and downloads none.
if ! command -v npm >/dev/null; then $SUDO apt-get install -y -qq --no-install-recommends nodejs npm; fi
(cd "$(dirname "$0")/../tests/browser" && npm ci --no-audit --no-fund --loglevel=error)
# warcio.js, the standard WARC library that reads follow's archive in tests/warc_tools.
(cd "$(dirname "$0")/../tests/warc_tools" && npm ci --no-audit --no-fund --loglevel=error)
