// `storyline serve --db PATH [--bind ADDR] [--port N] [--threads N]`: the web page at /
// and the JSON API at /api/v1 (the contract's /api paths as aliases) over a store opened
// read-only, so an ingest or a follow may write it meanwhile (serve/web_server.h). Binds
// loopback unless --bind says otherwise; stops cleanly on Ctrl-C or SIGTERM.
#include <pthread.h>

#include <atomic>
#include <csignal>
#include <cstdio>
#include <thread>

#include "cli/commands.h"
#include "cli/input_options.h"
#include "serve/web_server.h"
#include "store/store.h"

namespace storyline {
namespace {

void RunServe(const ServeOptions& options) {
  // The signals go to one thread that waits for them, which stops the server from outside
  // a signal handler (stopping it is not async-signal-safe).
  sigset_t signals;
  sigemptyset(&signals);
  sigaddset(&signals, SIGINT);
  sigaddset(&signals, SIGTERM);
  pthread_sigmask(SIG_BLOCK, &signals, nullptr);
  std::unique_ptr<WebServer> server;
  try {
    server = std::make_unique<WebServer>(options);
  } catch (const StoreError& e) {
    std::fprintf(stderr, "storyline: %s\n", OneLine(e.what()).c_str());
    throw CLI::RuntimeError(1);
  } catch (const std::runtime_error& e) {
    std::fprintf(stderr, "storyline: serve: %s\n", OneLine(e.what()).c_str());
    throw CLI::RuntimeError(1);
  }
  std::atomic<bool> signalled = false;
  std::thread waiter([&] {
    int signal = 0;
    sigwait(&signals, &signal);
    signalled = true;
    server->Stop();
  });
  std::fprintf(stderr, "storyline: serving %s at http://%s:%d/ (Ctrl-C stops)\n",
               OneLine(options.db).c_str(), options.bind.c_str(), server->port());
  const bool ok = server->Run();
  if (!signalled) pthread_kill(waiter.native_handle(), SIGTERM);
  waiter.join();
  if (!ok && !signalled) {
    std::fprintf(stderr, "storyline: serve: the server stopped on an error\n");
    throw CLI::RuntimeError(1);
  }
}

}  // namespace

void AddServeCommand(CLI::App& app) {
  auto options = std::make_shared<ServeOptions>();
  CLI::App* command =
      app.add_subcommand("serve", "Serve the web page and the JSON API over a store");
  command->add_option("--db", options->db, "Store to read (SQLite file)")->required();
  command->add_option("--bind", options->bind, "Address to listen on (default 127.0.0.1)");
  command->add_option("--port", options->port, "Port to listen on (default 8080; 0: any free)")
      ->check(CLI::Range(0, 65535));
  command
      ->add_option("--threads", options->threads,
                   "Requests answered at once (default: 4 per core, 16 to 64)")
      ->check(CLI::Range(1, 256));
  command->callback([options] { RunServe(*options); });
}

}  // namespace storyline
